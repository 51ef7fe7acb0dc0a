#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Training data for names.c's tagger (`make train-names`): JSON lines
# {"text": "...", "labels": [["PERSON"|"LOCATION"|"STREET_ADDRESS", start, end], ...]} with
# UTF-8 byte offsets. Reproducible (--seed). Kept apart from the held-out evaluation
# (tests/pii-names/gen.py): its own templates and genres, and names drawn only from
# data/lexicon/ (census given names, census surnames of even rank, geonames cities, regions,
# countries) plus made-up names built from syllables (so that the tagger learns context, not
# only the lexicon). Negatives: sentences full of capitalised ordinary words (sentence starts,
# headings, product and company names, the names that are also words: Will, May, Bill, Grant).
import argparse, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, '../../../data/lexicon')


def lines(name):
    with open(os.path.join(LEX, name), encoding='utf-8') as f:
        return [ln.rstrip('\n') for ln in f if ln.strip() and not ln.startswith('#')]


SYL = ['ka', 'ro', 'li', 'ne', 'ma', 'tor', 'vel', 'an', 'dri', 'sa', 'bel', 'mi', 'ra', 'ton',
       'ver', 'lo', 'da', 'ni', 'gar', 'sen', 'ha', 'rin', 'jo', 'fe', 'lix', 'zu', 'mar', 'el']

PERSON_TPL = [
    'I spoke with {P} yesterday about the contract.',
    '{P} joined the company in 2019 as a senior analyst.',
    'According to {P}, the shipment was delayed.',
    'The award went to {P} and {P}.',
    'Please forward this to {P} before noon.',
    'Thanks to {P} for the quick review.',
    '{P} said the results looked promising.',
    'Our new colleague {P} starts on Monday.',
    'Can {F} take the early shift? {F} asked for it last week.',
    'The report was written by {P}.',
    'Call {F} back when you can.',
    '{P}, our lead engineer, will present.',
    'Approved: {P} ({D})',
    '{S} and {S} reviewed the draft.',
    'Interview with {P}, conducted in March.',
    'Ask {F} or {F} for the keys.',
    '- {P}: owner of the billing module',
    '* reviewed by {P}',
    'Player of the match: {P}.',
    'The family of {P} thanked the nurses.',
    'Professor {S} published the paper with {P}.',
    'Signed, {P}',
    '{P} wrote: I agree with the plan.',
    '@{F} can you check this?',
    'Author: {P}',
    'Witness statement given by {P} on Tuesday.',
    'Host: {P} | Guests: {P}, {P}',
    'Driver {P} reported a flat tyre.',
    'Ms {S} and Mr {S} were present.',
    'Message from {F}: running late, sorry!',
    '{F}\'s laptop needs a new battery.',
    'Congratulations {F} on the promotion!',
]
LOC_TPL = [
    'We flew to {L} for the summit.',
    'The plant near {L} employs 400 people.',
    'She grew up outside {L}.',
    'Flights from {L} to {L} are cancelled.',
    'Rain is expected across {R} tomorrow.',
    'The team is based in {L}, {K}.',
    'Sales in {K} rose by four percent.',
    'Our office in {L} closes at six.',
    'He studied in {L} before moving to {K}.',
    'Trains between {L} and {L} run hourly.',
    'Weather in {L}: sunny, 24 degrees.',
    'A new branch opens in {R} next spring.',
    'Delivered to the {L} warehouse.',
    '{L} is two hours from {L} by car.',
    'Visitors to {K} need a visa.',
    'The festival returns to {L} in July.',
]
MIXED_TPL = [
    '{P} moved from {L} to {L} last year.',
    '{P} lives in {L}, {R}.',
    '{P} flew in from {K} for the meeting.',
    'Contact: {P}, {L}',
    '{P} will visit {L} and {L} in June.',
    'Mr {S} from {L} called twice.',
]
NEG = [
    'The quick fix broke the Login Page again.',
    'Will it rain tomorrow? Nobody knows.',
    'May I suggest a different approach?',
    'Bill the customer at the end of the month.',
    'Grant the role read access only.',
    'Mark the ticket as resolved.',
    'Rose petals covered the table.',
    'Frank feedback helps everyone.',
    'Read the Terms of Service before you Sign Up.',
    'Chapter Seven: The Long Road Home',
    'Install the Package Manager, then run Update.',
    'The Board approved the Annual Budget.',
    'Click Start, then Settings, then Network.',
    'Summer Sale: Free Shipping on all Orders!',
    'Use the Search Bar at the top of the Page.',
    'Apache License, Version 2.0',
    'The Software is provided As Is, without Warranty.',
    'Monday to Friday, Nine to Five.',
    'Happy New Year from the whole Team!',
    'The Red Cross sent Emergency Supplies.',
    'Download the Mobile App from the Store.',
    'Customer Service is available around the clock.',
    'Error Code: Permission Denied.',
    'Reading the manual helps. Nice work overall.',
    'Jack the price up and see what happens.',
    'Will and testament documents are kept in the safe.',
    'Christmas Eve falls on a Sunday.',
    'The Senate passed the Bill on Thursday.',
    'See Section 4 and Appendix B for details.',
    'Press Enter to continue or Escape to cancel.',
    'Graduate students must submit a Thesis Proposal.',
    'North Face jackets and Timberland boots.',
    'The Internet Engineering Task Force met online.',
    'Our Privacy Policy explains how we use Cookies.',
    'Winter Storm Warning in effect until Friday.',
]


TECH = ['Kubernetes', 'PostgreSQL', 'JavaScript', 'GitHub', 'OAuth', 'Ubuntu', 'Debian',
        'Linux', 'Windows', 'Android', 'Docker', 'Nginx', 'Redis', 'Python', 'Django', 'Rust',
        'Firefox', 'Chromium', 'Bluetooth', 'Wi-Fi', 'Excel', 'PowerPoint', 'Slack', 'Zoom',
        'Jira', 'Confluence', 'Terraform', 'Ansible', 'Kafka', 'Hadoop', 'Spark', 'Grafana',
        'Prometheus', 'Elasticsearch', 'Kibana', 'Jenkins', 'Gradle', 'Maven', 'Webpack',
        'Hereinafter', 'Licensable', 'Licensor', 'Licensee', 'Sublicense', 'Warranties',
        'Indemnification', 'Addendum', 'Exhibit', 'Schedule', 'Annex', 'Recitals']
NEG_TPL = [
    'Install {T} and restart the {W} service.',
    'The {C} {C} is defined in {T} documentation.',
    '{T} {N} adds support for {C} {C}.',
    'For the purposes of this {C}, the {C} means any {W} of the {C}.',
    '({l}) {C} {C}. {C} {W} {W} the {C}.',
    '{N}.{N}. "{C} {C}" means the {W} and {W} of {T}.',
    'We migrated from {T} to {T} in the {C} release.',
    '{C} {W} {W}: see the {C} {C} section.',
    'You may {W} the {C} under the terms of {T}.',
    'Upgrade {T} before {C} {N}; the {C} {C} has changed.',
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=11)
    ap.add_argument('--docs', type=int, default=30000)
    ap.add_argument('-o', required=True)
    a = ap.parse_args()
    R = random.Random(a.seed)
    given = lines('given.txt')[:5200]  # the census part (Moby names come after)
    sur = [s for i, s in enumerate(lines('surnames.txt')[:30000]) if i % 2 == 0]
    cities = [ln.split('\t')[0] for ln in lines('cities.txt')[:12000]]
    regions = lines('regions.txt')
    countries = lines('countries.txt')
    words = [w for w in lines('words.txt') if len(w) > 3]

    def made_up():
        return ''.join(R.choice(SYL) for _ in range(R.randint(2, 3))).capitalize()

    def first():
        return made_up() if R.random() < 0.2 else R.choice(given)

    def last():
        return made_up() if R.random() < 0.2 else R.choice(sur)

    def person():
        k = R.random()
        if k < 0.6:
            return f'{first()} {last()}'
        if k < 0.75:
            return f'{first()} {R.choice("ABCDEFGHJKLMNPRSTW")}. {last()}'
        if k < 0.85:
            return last()
        return first()

    slots = {
        'P': lambda: (person(), 'PERSON'), 'F': lambda: (first(), 'PERSON'),
        'S': lambda: (last(), 'PERSON'), 'L': lambda: (R.choice(cities), 'LOCATION'),
        'R': lambda: (R.choice(regions), 'LOCATION'), 'K': lambda: (R.choice(countries), 'LOCATION'),
        'D': lambda: (f'{R.randint(1, 28)}.{R.randint(1, 12)}.20{R.randint(10, 29)}', None),
    }

    def fill(tpl, out, labels):
        i = 0
        while i < len(tpl):
            j = tpl.find('{', i)
            if j < 0:
                out.append(tpl[i:].encode())
                break
            out.append(tpl[i:j].encode())
            text, typ = slots[tpl[j + 1]]()
            b = text.encode()
            n = sum(len(x) for x in out)
            if typ:
                labels.append([typ, n, n + len(b)])
            out.append(b)
            i = j + 3

    ambiguous = sorted(set(words) & {x.lower() for x in given + sur})

    def cap_word():
        return (R.choice(ambiguous) if R.random() < 0.6 else R.choice(words)).capitalize()

    neg_slots = {'T': lambda: R.choice(TECH), 'C': cap_word, 'W': lambda: R.choice(words),
                 'N': lambda: str(R.randint(1, 12)), 'l': lambda: R.choice('abcdef')}

    def fill_neg(tpl):
        out = ''
        i = 0
        while i < len(tpl):
            j = tpl.find('{', i)
            if j < 0:
                return out + tpl[i:]
            out += tpl[i:j] + neg_slots[tpl[j + 1]]()
            i = j + 3
        return out

    def title_words():
        return ' '.join(R.choice(words).capitalize() for _ in range(R.randint(1, 4)))

    with open(a.o, 'w', encoding='utf-8') as f:
        for _ in range(a.docs):
            out, labels = [], []
            for _ in range(R.randint(1, 4)):
                k = R.random()
                if k < 0.3:
                    fill(R.choice(PERSON_TPL), out, labels)
                elif k < 0.45:
                    fill(R.choice(LOC_TPL), out, labels)
                elif k < 0.55:
                    fill(R.choice(MIXED_TPL), out, labels)
                elif k < 0.68:
                    out.append(R.choice(NEG).encode())
                elif k < 0.8:
                    out.append(fill_neg(R.choice(NEG_TPL)).encode())
                elif k < 0.9:
                    # a sentence starting with an ordinary word, or a Title Case heading
                    out.append(f'{R.choice(words).capitalize()} {R.choice(words)} {R.choice(words)}.'.encode())
                else:
                    out.append(f'{title_words()}\n'.encode() if R.random() < 0.5 else
                               ' '.join(cap_word() for _ in range(R.randint(1, 3))).encode() + b'\n')
                out.append(R.choice([b' ', b'\n', b'\n\n']))
            text = b''.join(out).decode()
            f.write(json.dumps({'text': text, 'labels': labels}, ensure_ascii=False) + '\n')


main()
