#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Held-out corpus for PERSON, STREET_ADDRESS and LOCATION (tests/pii-names/names.t).
#
# Kept apart from what the detector was built and trained from:
# - templates: written here only; the tagger's training generator
#   (src/pii/gen/names-traindata.py) has its own, with other wording and genres;
# - names: this file's own hand-written lists of given names and surnames (European, US,
#   Latin American, Asian, African), about half of which the census lists do not have, plus
#   surnames of odd census rank (the training data uses even ranks); places: its own list
#   of towns and streets, not drawn from data/lexicon/.
# Output: one text file (documents separated by blank lines) and a JSON-lines label file
# {"doc", "type", "start", "end"} with UTF-8 byte offsets into the text.
import argparse, json, os, random

GIVEN = """Ana Lucía Mateo Sofía Hugo Chloé Léa Thibault Margaux Élodie Jürgen Sabine Katrin Uwe
Dieter Hannelore Wolfgang Matthias Annika Lars Sven Ingrid Bjørn Freya Aurelio Giulia Matteo
Lorenzo Chiara Francesca Beatrice Alessandro Pieter Sanne Joost Femke Bram Lotte Ruud Maarten
Wim Siobhan Niamh Ciarán Aoife Declan Hamish Isla Callum Morag Priya Arjun Ananya Rahul
Deepika Vikram Mei Wei Hiroshi Yuki Haruto Sakura Minjun Jiwoo Oluwaseun Chidi Amara Kwame
Nia Zanele Thabo Fatima Omar Yusuf Leila Karim Noor Dmitri Svetlana Olga Igor Natasha Pavel
Agnieszka Tomasz Katarzyna Piotr Zofia Ewa Bogdan Ioana Radu Mihai Nikos Eleni Giorgos
Kostas Emily Jacob Madison Ethan Olivia Noah Ava Liam Harper Logan Grace Caleb Zoe Owen Nora
Isaac Chloe Gavin Hazel Miles Ruby Wyatt Stella Silas Violet Elena Javier Carmen Diego Lucía
Rafael Paula Andrés Camila Joaquín Valentina Tomás Martina Benjamín Catalina Renata Emilio""".split()
SURNAMES = """García Fernández López Martínez Sánchez Pérez Gómez Ruiz Jiménez Moreno Dubois
Lefèvre Moreau Laurent Girard Rousseau Fontaine Chevalier Müller Schneider Fischer Weber
Becker Hoffmann Schäfer Koch Richter Wolf Schröder Neumann Rossi Russo Ferrari Esposito
Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti de_Jong Jansen de_Vries van_Dijk
Bakker Visser Smit Meijer de_Boer Mulder Bos Vos Peters Hendriks O'Connor Murphy Kelly
Byrne Walsh Ryan O'Sullivan McCarthy Campbell Stewart MacDonald Robertson Patel Sharma
Gupta Iyer Reddy Nair Chen Wang Zhang Liu Nakamura Tanaka Suzuki Watanabe Kim Park Choi
Okafor Adeyemi Mensah Nkosi Dlamini Haddad Nasser Khalil Rahman Ivanov Petrova Smirnov
Kowalski Nowak Wiśniewska Wójcik Popescu Ionescu Papadopoulos Georgiou Andersson Johansson
Nilsson Larsen Hansen Nielsen Virtanen Korhonen Novák Horváth Nagy Silva Santos Oliveira
Costa Pereira Almeida Carvalho Thompson Ramirez Sullivan Fletcher Whitaker Holloway Pemberton
Ashworth Kensington Blackwood Hargreaves Thornton Caldwell Prescott Langley""".split()
SURNAMES = [s.replace("_", " ") for s in SURNAMES]
TOWNS = """Lyon Marseille Toulouse Bordeaux Nantes Strasbourg Lille Rennes Grenoble Dijon Hamburg
München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dresden Hannover Nürnberg Bremen Freiburg
Milano Torino Napoli Bologna Firenze Genova Verona Palermo Padova Madrid Barcelona Valencia
Sevilla Zaragoza Málaga Bilbao Granada Rotterdam Utrecht Eindhoven Groningen Leiden Haarlem
Antwerpen Gent Brugge Liège Zürich Genève Basel Bern Lausanne Wien Salzburg Graz Innsbruck
Dublin Cork Galway Edinburgh Glasgow Manchester Liverpool Leeds Bristol Sheffield Cardiff
Nottingham Leicester Boston Chicago Seattle Denver Portland Austin Phoenix Atlanta Nashville
Pittsburgh Cleveland Sacramento Baltimore Milwaukee Toronto Montreal Vancouver Calgary Ottawa
Sydney Melbourne Brisbane Perth Adelaide Auckland Wellington Lisbon Porto Prague Budapest
Warsaw Kraków Bucharest Athens Stockholm Oslo Copenhagen Helsinki Tokyo Osaka Seoul Mumbai
Bangalore Chennai Nairobi Lagos Accra Cairo Casablanca""".split()
MULTI_TOWNS = ["San Francisco", "Los Angeles", "New York", "San Diego", "Salt Lake City",
               "Buenos Aires", "Rio de Janeiro", "São Paulo", "Mexico City", "Cape Town",
               "New Orleans", "Las Vegas", "Kansas City", "Frankfurt am Main", "Den Haag"]
COUNTRIES = ["France", "Germany", "Italy", "Spain", "Portugal", "Belgium", "Austria",
             "Switzerland", "Ireland", "Scotland", "Canada", "Australia", "Japan", "Brazil",
             "Argentina", "Mexico", "Kenya", "Nigeria", "Egypt", "Poland", "Sweden", "Norway",
             "the Netherlands", "United Kingdom", "United States", "New Zealand", "India"]
REGIONS = ["Bavaria", "Catalonia", "Tuscany", "Provence", "Normandy", "Andalusia", "Texas",
           "California", "Oregon", "Ohio", "Ontario", "Quebec", "Queensland", "Lombardy",
           "Brittany", "Saxony", "Flanders", "Yorkshire", "Cornwall", "Virginia"]
US_STATES = ["IL", "OH", "TX", "CA", "WA", "OR", "NY", "MA", "PA", "GA", "CO", "AZ", "MN"]
EN_STREETS = ["Maple", "Oak", "Elm", "Cedar", "Pine", "Birch", "Willow", "Lincoln", "Jefferson",
              "Washington", "Highland", "Lakeview", "Sunset", "Park", "Church", "Mill", "Bridge",
              "Station", "Victoria", "King", "Queen", "Kingsley", "Ashford", "Meadow", "Orchard"]
EN_TYPES = ["Street", "St.", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Dr.", "Boulevard",
            "Blvd", "Court", "Place", "Way", "Terrace", "Crescent", "Close"]
DE_STREETS = ["Haupt", "Bahnhof", "Schul", "Garten", "Linden", "Berg", "Kirch", "Wald", "Ring",
              "Goethe", "Schiller", "Mozart", "Friedrich", "Rosen", "Birken"]
DE_TYPES = ["straße", "strasse", "weg", "gasse", "allee", "platz"]
NL_STREETS = ["Kerk", "Dorps", "Molen", "School", "Stations", "Haven", "Prinsen", "Beuk",
              "Eiken", "Wilhelmina", "Juliana", "Oranje"]
NL_TYPES = ["straat", "laan", "weg", "plein", "gracht", "kade"]
FR_STREETS = ["de la Paix", "Victor Hugo", "du Moulin", "de la République", "des Lilas",
              "Jean Jaurès", "Pasteur", "de Verdun", "du Général Leclerc", "Saint-Michel"]
FR_TYPES = ["rue", "avenue", "boulevard", "allée", "chemin", "place", "impasse"]
IT_STREETS = ["Roma", "Garibaldi", "Mazzini", "Dante", "Verdi", "Cavour", "dei Mille",
              "della Repubblica", "Manzoni", "Marconi"]
IT_TYPES = ["Via", "Viale", "Piazza", "Corso"]
ES_STREETS = ["Mayor", "de Alcalá", "Gran Vía", "del Sol", "San Juan", "de la Constitución",
              "Real", "Serrano", "de Goya", "Colón"]
ES_TYPES = ["Calle", "Avenida", "Paseo", "Plaza", "Camino"]
UNITS = ["Apt {n}", "Apt. {n}{l}", "Suite {n}", "Unit {n}", "Flat {n}", "#{n}"]


class Doc:
    def __init__(self):
        self.parts, self.labels, self.n = [], [], 0

    def add(self, s, typ=None):
        b = s.encode('utf-8')
        if typ:
            self.labels.append((typ, self.n, self.n + len(b)))
        self.parts.append(b)
        self.n += len(b)

    def fmt(self, template, **vals):
        # "⟪p⟫" slots: each value is (text, type or None)
        i = 0
        while i < len(template):
            j = template.find('⟪', i)
            if j < 0:
                self.add(template[i:])
                break
            self.add(template[i:j])
            k = template.index('⟫', j)
            text, typ = vals[template[j + 1:k]]
            self.add(text, typ)
            i = k + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--docs', type=int, default=600)
    ap.add_argument('--lexicon', default=os.path.join(os.path.dirname(__file__), '../../data/lexicon'))
    ap.add_argument('text')
    ap.add_argument('labels')
    a = ap.parse_args()
    R = random.Random(a.seed)
    census = [ln.strip() for ln in open(os.path.join(a.lexicon, 'surnames.txt'), encoding='utf-8')]
    odd = [s for i, s in enumerate(census[:20000]) if i % 2 == 1]

    def given():
        return R.choice(GIVEN)

    def surname():
        return R.choice(SURNAMES) if R.random() < 0.6 else R.choice(odd)

    def person():
        r = R.random()
        if r < 0.55:
            return f'{given()} {surname()}'
        if r < 0.7:
            return f'{given()} {R.choice("ABCDEFGHJKLMNPRSTW")}. {surname()}'
        if r < 0.8:
            return f'{given()} {given()} {surname()}'
        return f'{given()} {surname()}'

    def town():
        return R.choice(MULTI_TOWNS) if R.random() < 0.2 else R.choice(TOWNS)

    def street():
        n = str(R.randint(1, 2400))
        k = R.random()
        if k < 0.45:
            s = f'{n} {R.choice(EN_STREETS)} {R.choice(EN_TYPES)}'
            if R.random() < 0.3:
                s += ', ' + R.choice(UNITS).format(n=R.randint(1, 40), l=R.choice('ABC'))
            return s
        if k < 0.6:
            return f'{R.choice(DE_STREETS)}{R.choice(DE_TYPES)} {R.randint(1, 120)}'
        if k < 0.7:
            return f'{R.choice(NL_STREETS)}{R.choice(NL_TYPES)} {R.randint(1, 300)}'
        if k < 0.8:
            return f'{R.randint(1, 90)} {R.choice(FR_TYPES)} {R.choice(FR_STREETS)}'
        if k < 0.9:
            return f'{R.choice(IT_TYPES)} {R.choice(IT_STREETS)} {R.randint(1, 200)}'
        return f'{R.choice(ES_TYPES)} {R.choice(ES_STREETS)} {R.randint(1, 150)}'

    P = lambda: (person(), 'PERSON')
    G = lambda: (given(), 'PERSON')
    SN = lambda: (surname(), 'PERSON')
    T = lambda: (town(), 'LOCATION')
    C = lambda: (R.choice(COUNTRIES), 'LOCATION')
    RG = lambda: (R.choice(REGIONS), 'LOCATION')
    S = lambda: (street(), 'STREET_ADDRESS')
    N = lambda s: (s, None)
    st = lambda: N(R.choice(US_STATES))
    zipc = lambda: N(f'{R.randint(10000, 99950)}')
    email = lambda name: N(name.split()[0].lower().encode('ascii', 'ignore').decode() + '.' +
                           name.split()[-1].lower().encode('ascii', 'ignore').decode().replace("'", '') +
                           '@' + R.choice(['mail.example', 'corp.example', 'example.org']))

    templates = [
        ('Hello ⟪g⟫,\n\nthe parcel for ⟪p⟫ left our depot in ⟪t⟫ this morning. '
         'It should reach ⟪s⟫, ⟪t2⟫ within two days.\n\nKind regards,\n⟪p2⟫\n',
         dict(g=G, p=P, t=T, s=S, t2=T, p2=P)),
        ('Patient: ⟪p⟫\nAddress: ⟪s⟫, ⟪t⟫\nReferred by: Dr. ⟪sn⟫\n'
         'History: seen in ⟪t2⟫ for a follow-up.\n', dict(p=P, s=S, t=T, sn=SN, t2=T)),
        ('From: ⟪p⟫ <⟪e⟫>\nTo: ⟪p2⟫\nSubject: visit\n\nHi ⟪g⟫, are you still in ⟪t⟫? '
         'I will be travelling to ⟪c⟫ next week.\n', None),
        ('{"customer_name": "⟪p⟫", "city": "⟪t⟫", "street": "⟪s⟫", "country": "⟪c⟫"}\n',
         dict(p=P, t=T, s=S, c=C)),
        ('id,full_name,city\n⟪n1⟫,⟪p⟫,⟪t⟫\n⟪n2⟫,⟪p2⟫,⟪t2⟫\n',
         dict(n1=lambda: N(str(R.randint(100, 999))), p=P, t=T,
              n2=lambda: N(str(R.randint(100, 999))), p2=P, t2=T)),
        ('Sehr geehrte Frau ⟪sn⟫,\nvielen Dank für Ihre Nachricht. Unser Büro in ⟪t⟫ '
         'befindet sich in der ⟪s⟫.\nMit freundlichen Grüßen\n⟪p⟫\n', dict(sn=SN, t=T, s=S, p=P)),
        ('Bonjour M. ⟪sn⟫,\nnous avons bien reçu votre dossier. Adresse : ⟪s⟫, '
         '⟪z⟫ ⟪t⟫.\nCordialement,\n⟪p⟫\n', dict(sn=SN, s=S, z=zipc, t=T, p=P)),
        ('Estimada ⟪g⟫:\nLe escribimos desde ⟪t⟫ para confirmar su cita con el Dr. ⟪sn⟫.\n'
         'Atentamente,\n⟪p⟫\n', dict(g=G, t=T, sn=SN, p=P)),
        ('Ship to: ⟪p⟫, ⟪s⟫, ⟪t⟫, ⟪st⟫ ⟪z⟫\n', dict(p=P, s=S, t=T, st=st, z=zipc)),
        ('Meeting notes: ⟪p⟫ presented the roadmap; ⟪p2⟫ raised concerns about the '
         'launch in ⟪rg⟫. Action items go to ⟪g⟫.\n', dict(p=P, p2=P, rg=RG, g=G)),
        ('Employee: ⟪p⟫\nOffice: ⟪t⟫, ⟪c⟫\nManager: ⟪p2⟫\n', dict(p=P, t=T, c=C, p2=P)),
        ('Beste ⟪g⟫,\nhet pakket wordt bezorgd op ⟪s⟫ in ⟪t⟫.\nMet vriendelijke groet,\n⟪p⟫\n',
         dict(g=G, s=S, t=T, p=P)),
        ('Gentile Sig.ra ⟪sn⟫,\nla consegna a ⟪t⟫ è prevista per lunedì, indirizzo ⟪s⟫.\n'
         'Cordiali saluti,\n⟪p⟫\n', dict(sn=SN, t=T, s=S, p=P)),
        ('[chat] ⟪g⟫: just landed in ⟪t⟫!\n[chat] ⟪g2⟫: nice, say hi to ⟪p⟫ from me\n',
         dict(g=G, t=T, g2=G, p=P)),
        ('The conference moved from ⟪t⟫ to ⟪t2⟫ this year. Ms. ⟪sn⟫ will chair the panel, '
         'with ⟪p⟫ as moderator.\n', dict(t=T, t2=T, sn=SN, p=P)),
        ('Ticket #⟪n⟫: requester ⟪p⟫ reports that deliveries to ⟪s⟫ fail. '
         'Assigned to: ⟪p2⟫\n', dict(n=lambda: N(str(R.randint(1000, 99999))), p=P, s=S, p2=P)),
        ('⟪p⟫ was born in ⟪t⟫, ⟪c⟫, and moved to ⟪rg⟫ in her twenties.\n',
         dict(p=P, t=T, c=C, rg=RG)),
        ('Please contact ⟪p⟫ (⟪e⟫) about the lease for ⟪s⟫.\n', None),
    ]
    negatives = [
        'The quarterly report is attached. Please review section 4 before Monday.\n',
        'Will the build pass? May we merge it? The Release Manager decides on Friday.\n',
        'Grant access to the Admin Console only after the Security Review is done.\n',
        'Rose and Lily are flowers; Bill is due at the end of the month.\n',
        'Open the Settings menu, choose Advanced Options and click Save.\n',
        'The Free Software Foundation publishes the General Public License.\n',
        'Our Support Team answers within two Business Days, Monday to Friday.\n',
        'Error: Connection Refused. Check the Proxy Settings and try Again.\n',
        'New Features: Dark Mode, Faster Search, Better Sync.\n',
    ]
    out = open(a.text, 'wb')
    lab = open(a.labels, 'w')
    pos = 0
    for i in range(a.docs):
        d = Doc()
        if R.random() < 0.15:
            d.add(R.choice(negatives))
        else:
            tpl, slots = R.choice(templates)
            if slots is None:
                p = person()
                slots = dict(p=lambda p=p: (p, 'PERSON'), e=lambda p=p: email(p), p2=P, g=G,
                             t=T, c=C, s=S)
            d.fmt(tpl, **{k: f() for k, f in slots.items()})
        d.add('\n')
        for typ, s, e in d.labels:
            lab.write(json.dumps({'doc': i, 'type': typ, 'start': pos + s, 'end': pos + e}) + '\n')
        out.write(b''.join(d.parts))
        pos += d.n


main()
