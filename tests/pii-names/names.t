#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# PERSON, STREET_ADDRESS and LOCATION (src/pii/names.c, issue 11): the held-out corpus of
# gen.py (its own templates and name lists, apart from the lexicon sources and the tagger's
# training data) is scored per type; the bars are PERSON F2 >= 0.85, STREET_ADDRESS and
# LOCATION F2 >= 0.75, and fewer than one PERSON finding per 10 KB of ordinary English prose
# (Debian's license texts; the real names in them, "James Hacker", "Ty Coon", count too).
# Then the context rules one by one, `pii_detect_names` off, and redaction of each type.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
D="$AKIOS_SRC/tests/pii-names"

require_cmd "$PY" "the corpus generator needs python3"
PROSE=$(ls /usr/share/common-licenses/* 2>/dev/null)
[ -n "$PROSE" ] || { skip "no /usr/share/common-licenses (Debian base-files) for the prose sample"; done_testing; exit; }

for seed in 1 2; do
        $PY "$D/gen.py" --seed $seed "$T/c$seed.txt" "$T/c$seed.jsonl"
        if $PY "$D/score.py" --akios "$AKIOS" --min-f2 PERSON=0.85 --min-f2 STREET_ADDRESS=0.75 \
                --min-f2 LOCATION=0.75 --max-fp-per-10kb 1 --prose $PROSE -- \
                "$T/c$seed.txt" "$T/c$seed.jsonl" > "$T/s$seed" 2>&1; then r=1; else r=0; fi
        echo "# held-out corpus, seed $seed:"
        sed 's/^/# /' "$T/s$seed"
        is "$r" 1 "seed $seed: PERSON F2 >= 0.85, STREET_ADDRESS/LOCATION F2 >= 0.75, < 1 false name per 10 KB of prose"
done

# the context rules, one line each
cat > "$T/rules.txt" <<'TXT'
Dear Mr. Grant, thank you.
Patient: Ana Rossi
From: Ana López <ana.lopez@example.com>
Name des Kunden: Jürgen Weber
Bonjour Mme Lefèvre,
Please ask Kostas Oyelaran (kostas.oyelaran@example.org) to call.
Best regards,
Hannelore Vries
Deliver to 221B Baker Street, Flat 2, please.
Büro: Hauptstraße 5, 10115 Berlin
Ufficio in Via Roma 12 a Torino.
Our office is at 12 rue de la Paix, 75002 Paris.
She lives in Springfield, IL 62704 now.
Will you grant May a day off? Rose said the bill was paid.
Garcia, Jennifer was admitted.
My name is Dmitri Volkonsky.
Dear Maria della Rosa, thank you.
John Smith will chair the meeting.
She moved to New York and then to the United Kingdom.
Name: Smith, John
NAME: PRIYA RAGHUNATHAN
NAME: UNKNOWN
Łukasz Wiśniewski will chair the meeting.
Mrs van der Berg will call you.
She lives at 350 W 42nd St, New York.
Send it to 1200 5th Avenue, please.
The 5th Avenue store and the 2nd Street Band.
Ship to Apt 5B, 233 W 77th St, Boston.
Mail: PO Box 4410, thank you.
He moved to 10 Downing Street, London SW1A 2AA.
Avinguda Diagonal 640, Barcelona
SURNAME: NGUYEN
"currency": "USD"
Here is the schedule we discussed. Regards, Tom
He said thanks, Apple.
I met José García yesterday.
The company has offices in Zürich and Kraków.
He moved to Oudegracht 158, 3511 AZ Utrecht last spring.
Her husband Tunde took photos.
Prior work by Vaswani et al. showed it.
Il a été suivi par le Pr Laurent Chevalier.
The PR Department said no.
{"contact": {"given": "Oluwadamilare", "family": "Ogunleye"}}
The James Webb Space Telescope and the Harbour United squad.
A Victoria sponge and the Moto G range.
Some users may see a blank Welcome Screen on first launch.
Welcome Ana Rossi to the team.
Ship to 88 Cedar Crest Drive, please.
Adresse : 8 bis rue de la République, merci.
Keizersgracht 241-III, Amsterdam
Calle de Serrano, 41, 4º izq., Madrid
Appartement 12, 45 boulevard Haussmann, merci.
Send it to Italia, Deutschland or España.
Call John Smith at the office.
Apologies: Seamus McAllister, Fatima al-Zahrani
Shipped from Austin, TX 78701, USA, paid in USD.
<name><given>Fatima</given><family>Zahra Haddad</family></name><city>Heidelberg</city>
<gp>Dr. Lukas Brandt</gp> List<String> names;
Pupil: Summer Okonkwo
It ships to most countries in Europe and North America.
{"order":"ORD-53862255","currency":"GBP","note":"Call Ana Rossi in Lyon."}
Ticket INV_2024 and REQ-7 were filed by Dr. Ana Rossi.
Prices in USD, EUR and CHF; she moved from the UK to the USA.
Customer: Maria De La Cruz
Customer: DE LA CRUZ, MARIA
Customer: van der Berg, Anna
Name: De La Cruz, Maria
The Musée De La Ville opened.
Patient: O'NEIL, SEAN
Name: SMITH-JONES
Name: US-EAST
name: Fatima Zahra El Amrani
2026-03-01 12:00:01 INFO user_name=Emma Thompson action=login
class=Foo Bar title=Hello World
Ils habitent à Nice, nous kommen aus Essen.
Lucía y José viven aquí; José Ortega y Gasset escribió.
Press C-x C-r or M-f; the value is Al-
though set. O-Ren Ishii signed.
The office is at 14 rue des Martyrs and 8 avenue des Champs in Paris; the Martyrs of 1944.
uid=7002 display_name=Chukwuemeka changed_field=city
id,first_name,last_name,street,city
7,Jan,van der Meulen,Prinsengracht 263,Amsterdam
8,Anna,Nowak,Oudegracht 112,Utrecht
Call +18 124 2296,Schillerstraße 17,Munich today.
Street: Stratumseind 32
Write to Memphis, TN 38118 or Paris, TX. Mail Paris, GA 4 copies.
PATIENT: NWOSU, CHIDINMA ADAEZE           DOB: 22/11/1980
NEXT OF KIN: NWOSU, EMEKA (BROTHER)
TRIAGE NURSE: GRÁINNE KEHOE. Signed by: T. JENKINS.
Customer: ACME, INC. User: ADMIN, ROOT
COUNTRY OF BIRTH: NIGERIA
BIRMINGHAM
UNITED KINGDOM
ROAST TURKEY, READING LIST, NICE WORK. ERROR DENVER_URL unset, LONDON-1 zone.

| Name | Company | Town | Country |
|------|---------|------|---------|
| Tom Baker | Morgan Stanley | Reading | Turkey |
Badge name | Company | City
Fenna van Leeuwen | Johnson | Bath
Hosted by Jan van der Meulen; 2004 Joel de Guzman; I met Isla Fraser-McLeod.
Museum van Gogh, Bank of America, getElementById and JSON-McFoo stay; On Jan de 5 no.
Hauptstraße 5
69117 Heidelberg
[chat] Amara: nice, say hi to Sakura Wiśniewska from me
[#general] Rahul: the build is green.
[chat] Texas: no. [INFO] Server: started
Gavin Croteau, Mozartweg 28, Salt Lake City, WA 58563
Sehr geehrte Frau Vos, Dr Das and Mr Le will call. Vos amis sont la.
Name: Morag Hedge
id,full_name,city
544,Morag Hedge,Leeds
545,Tom Baker,Leeds
Address: Via dei Mille 28, Firenze
Upstream-Name: Bear
SHIP TO:
PATRICK J. MULLIGAN
Bill to:
Hazel Moss
Ship to:
Accounts Payable
{"first_name": "Jan", "given": "April"} Date: Jan 5. Month: June
Quorvex Home Smart Hub: Frequently Asked Questions
Every Quorvex Home kit ships with a plug. The Quorvex App lists installers, and Quorvex works offline.
Lieferung an Lindenstr. 26, 04109 Leipzig.
Leipzig, den 6. November 2025
Bordeaux, le 1 mars 2025. Bath, 2 days later we left.
dn: CN=Jürgen Weißenborn,OU=Staff
ORGANIZER;CN=Paloma Sánchez-Vidal:mailto:paloma@example.com
Jan van 't Hof and Mrs van 't Hof called; we drove to Hof.
Mayor Mason and Senator Whitfield spoke. The Mayor Office is closed.
Good morning Charlotte, the files are ready. Evening Standard reported.
Marieke (Agent): how can I help?
She flew to Singapore.
Largo Roma 121/A, 90162 Palermo and Prinsengracht 34hs, 1015 DV Amsterdam
Avda. del Ayuntamiento, 105, 03044 Alicante; 12bis rue Jean Jaurès
123 Kent Street, Perth WA 6000, Australia. Bring Water WA 6000.
Work Location: Lagos (Remote)
Account holder: Ferrari & Figli S.r.l. and Van Houten Verpakkingen B.V.; Ana & Luis came.
Passenger 1: OBERLANDER/JANA DR, LIN/YONG MR; read AND/OR write over TCP/IP, LONDON/PARIS.
Reporting Officer: PC 7129 Blackwood. Line Manager: Wouter
Brief aan mevr. I. Jansen; please ask A. McGrath. What I. Think. Feature m. You
Copyright 2009 Nguyễn Thái Ngọc Duy <pclouds@example.com>. role: HR Business Partner. Sehr geehrter Hr. Müller,
Ximena Villalobos
Seguros Iberia Mutua
Si prefiere la sede de Madrid. Über eine kurze Antwort.
37001 Tours CEDEX
Wir wohnen Am Rosengarten 7, 10115 Berlin; Unter den Linden 10, 10117 Berlin.
A full Irish breakfast; German: fluent. Copyright 1995 by Tom Lord, all rights reserved.
Exponential Backoff With Jitter, Unwaxed Lemons, Best Chromebook; George Best scored.
Re: OGILVY, Mark (seen). WARNING, Will not. LONDON, England.
1. Surname (Family name): OLAWALE
Nazwisko: LEWANDOWSKI    Pierwsze imię: WOJCIECH
TICKET HOLDER: LAKSHMI VENKATARAMAN. Administrator, pan Zieliński, obiecał.
Pádraig Mac Cárthaigh called.
Ballina, Co. Mayo. Smith & Co. Ltd. Place and date: Kano, 12 May 2023
sshd: login from 10.1.2.3 pop=Bologna city=Lagos user=Admin
Our household relies on Siri. Delivered by Pre-Paid First-Class Post.
CHIEF OBINNA EZE ........ CLAIMANT
ACME HOLDINGS LIMITED ...... DEFENDANT
say hi to Meera, ping Jing, his name was Gareth; ask for Barclays, say hi to Paris.
Stop | Consignee | Address
01 | EFUA BOATENG | FLAT 9, 137 HOPE STREET, DERBY DE1 1AA
Post to Unit 7/21 Wattle Crescent, Carindale or Schönbrunner Straße 41/2/8, 1050 Wien.
Office: 77 Hollins Circus, 3 Abbey Wynd and 40 Marine Parade.
Sede: Av. Santa Fe 2210, Rosario; Bv. Gálvez 1150; Callejón del Agua 3; Travessa do Sol 9.
Adres: Laan van Nieuw Oost-Indië 88; iroda: Andrássy út 52; ofis: Halaskargazi Cad. No: 48, Moda Sokak No:7.
Hotell: Karl Johans gate 31, Stortorget 2; kantor: Jl. Sudirman No. 5, Jalan Ampang 118.
Seoul office: 14 Yeoksam-ro, 300 Olympic-daero.
Ship to 1820 SE Hawthorne Blvd, or 77 N. Clark St.
Witness: Oona Fairley, 12 Kestrel Close, Harrogate
PID|1||880123^^^CITYHOSP^MR||OKONJO^ADAEZE^N^^MRS||19840512|F|||12 Harbour Row^FLAT 3^Whitby^North Yorkshire^YO21 3PU^GBR
PV1|1|I|W4^B12^01||||C55102^FERREIRA^TIAGO^^^DR|||MED
[14/02/2026, 09:41] Bazza: running late
[09:15] Wiremu Tawhiri: morning team
[09:16] Deploy Bot: started
Please ask Oluwaseun for the slides; the driver Cormac waits; contact Support.
RSVP to Deepika & Oisin by Friday; Marks & Spencer and Procter & Gamble stay.
Leof. Kifisias 12, 145 62 Kifisia; Rua Augusta 5, 2710-591 Sintra; ul. Długa 3, 05-500 Piaseczno
Country of origin: Peru   Port of discharge: Antwerp   Luogo di nascita: Torino
Royal Infirmary
Leeds LS1 3EX
Halifax NS B3H 1V7; Boise ID 83702
DEP 09:10 FROM LISBON (LIS) TO OSLO (OSL)
Gemeente Utrecht; Comune di Verona; Incoterms: DAP Brussels; Endless Mobile, Inc.; Shigeru Chiba
We drove from Ambleside to Kirkby Lonsdale, then on to Aldeburgh and Sheringham.
Born in Riquewihr, Alsace; at 4 Mill Lane, Aldeburgh.
Copyright 1996 Just van Rossum, David Turner; Ambleside said no.
Unit 4, Calder House, 12 Wellington Street, Leeds
Room 14, 2nd Floor, Noor Manzil, 12 Mohammed Ali Road; 3rd Floor, 1 Park Row
Thanks, Janet Okoro, 12 High Street
Ismaninger Str. 22; Str. Mihai Eminescu nr. 47; Calea Dorobanților 12; os. Tysiąclecia 22/48
Flat No. 7B, Lotus Enclave, 3rd Cross, Indiranagar; Plot 45, 2nd Main Road, Koramangala
We met on 2nd Main Road. The 5th Avenue store; Address: 3rd Cross Road
TXT
run "$AKIOS" protect redact "$T/rules.txt"
is "$rc" 0 "redact the rules sample"
printf '%s\n' "$out" > "$T/rules.out"
line() { sed -n "${1}p" "$T/rules.out"; }
is "$(line 1)" "Dear Mr. [PERSON], thank you." "title: Mr. Grant (a name that is also a word)"
is "$(line 2)" "Patient: [PERSON]" "field label: Patient:"
is "$(line 3)" "From: [PERSON] <[EMAIL_ADDRESS]>" "mail header: From: Ana López <...>"
is "$(line 4)" "Name des Kunden: [PERSON]" "German field label: Name des Kunden"
is "$(line 5)" "Bonjour Mme [PERSON]," "French title: Mme"
is "$(line 6)" "Please ask [PERSON] ([EMAIL_ADDRESS]) to call." "a name repeated in the e-mail's local part"
is "$(line 8)" "[PERSON]" "sign-off: the line after Best regards,"
is "$(line 9)" "Deliver to [STREET_ADDRESS], please." "house number + street type + unit"
is "$(line 10)" "Büro: [STREET_ADDRESS], 10115 [LOCATION]" "-straße + number; postcode + city"
like "$(line 11)" "\\[STREET_ADDRESS\\]" "Italian: Via Roma 12"
is "$(line 12)" "Our office is at [STREET_ADDRESS], 75002 [LOCATION]." "French: 12 rue de la Paix; postcode + city"
is "$(line 13)" "She lives in [LOCATION], [LOCATION] [US_ZIP_CODE] now." "City, ST ZIP: the town and its state, two places"
is "$(line 14)" "Will you grant May a day off? Rose said the bill was paid." "names that are ordinary words, no context: not names"
is "$(line 15)" "[PERSON] was admitted." "Last, First"
is "$(line 16)" "My name is [PERSON]." "a self-introduction, names from no lexicon"
is "$(line 17)" "Dear [PERSON], thank you." "a five-letter particle inside the name (della)"
is "$(line 18)" "[PERSON] will chair the meeting." "a frequent given name and surname, both also words"
is "$(line 19)" "She moved to [LOCATION] and then to the [LOCATION]." "a place of ordinary words, whole"
is "$(line 20)" "Name: [PERSON]" "Last, First after a label: the given name too"
is "$(line 21)" "NAME: [PERSON]" "a name in capitals after a label"
is "$(line 22)" "NAME: UNKNOWN" "an ordinary word in capitals after a label is no name"
is "$(line 23)" "[PERSON] will chair the meeting." "a capital of Latin Extended-A (Ł) starts a name"
is "$(line 24)" "Mrs [PERSON] will call you." "after a title, the particles lead the surname"
is "$(line 25)" "She lives at [STREET_ADDRESS], [LOCATION]." "a numbered street with a direction (W 42nd St)"
is "$(line 26)" "Send it to [STREET_ADDRESS], please." "a numbered street after its house number (5th Avenue)"
is "$(line 27)" "The 5th Avenue store and the 2nd Street Band." "an ordinal and a street type alone: no address"
is "$(line 28)" "Ship to [STREET_ADDRESS], [LOCATION]." "a unit before the house number, whole"
is "$(line 29)" "Mail: [STREET_ADDRESS], thank you." "PO Box and its number"
like "$(line 30)" "\\[STREET_ADDRESS\\], \\[LOCATION\\] \\[UK_POSTCODE\\]" "a town before a UK postcode (no word with a digit in a run)"
is "$(line 31)" "[STREET_ADDRESS], [LOCATION]" "Catalan: Avinguda + name + number"
is "$(line 32)" "SURNAME: [PERSON]" "one word in capitals under a label for a part of a name"
is "$(line 33)" '"currency": "USD"' "one word in capitals under another label stays"
is "$(line 34)" "Here is the schedule we discussed. Regards, [PERSON]" "a sign-off and a name on the same line"
is "$(line 35)" "He said thanks, Apple." "a sign-off word inside a sentence is none"
is "$(line 36)" "I met [PERSON] yesterday." "accented spellings of census names (José García), not the town García"
is "$(line 37)" "The company has offices in [LOCATION] and [LOCATION]." "accented spellings of geonames' ASCII cities (Zürich, Kraków)"
is "$(line 38)" "He moved to [STREET_ADDRESS], 3511 AZ [LOCATION] last spring." "a Dutch postcode's letters are not the town's"
is "$(line 39)" "Her husband [PERSON] took photos." "a noun for a person before a lone name"
is "$(line 40)" "Prior work by [PERSON] et al. showed it." "an author before et al."
is "$(line 41)" "Il a été suivi par le Pr [PERSON]." "French title Pr"
is "$(line 42)" "The PR Department said no." "PR in capitals is no title"
is "$(line 43)" '{"contact": {"given": "[PERSON]", "family": "[PERSON]"}}' "keys that name a part of a name (given, family)"
is "$(line 44)" "The James Webb Space Telescope and the Harbour United squad." "things named after people and places (a last word like Telescope, United)"
is "$(line 45)" "A Victoria sponge and the Moto G range." "a noun after the run that makes it a thing (sponge, range)"
is "$(line 46)" "Some users may see a blank Welcome Screen on first launch." "Welcome before an ordinary word is a heading, no salutation"
is "$(line 47)" "Welcome [PERSON] to the team." "Welcome before a name still greets"
is "$(line 48)" "Ship to [STREET_ADDRESS], please." "two street types in a row, the last ends the street (Crest Drive)"
is "$(line 49)" "Adresse : [STREET_ADDRESS], merci." "8 bis rue ..."
is "$(line 50)" "[STREET_ADDRESS], [LOCATION]" "a house number's second part (241-III)"
is "$(line 51)" "[STREET_ADDRESS], [LOCATION]" "a Spanish floor and door after the number (4º izq.)"
is "$(line 52)" "[STREET_ADDRESS], merci." "a French unit before the number (Appartement 12)"
is "$(line 53)" "Send it to [LOCATION], [LOCATION] or [LOCATION]." "countries in their own languages (places-extra.txt)"
is "$(line 54)" "Call [PERSON] at the office." "a sentence's first word that is also a surname is no part of the name (Call)"
is "$(line 55)" "Apologies: [PERSON], [PERSON]" "an Arabic article glued to the surname (al-Zahrani) is part of the name"
is "$(line 56)" "Shipped from [LOCATION], [LOCATION] [US_ZIP_CODE], [LOCATION], paid in USD." "USA and UK in capitals are places; USD is not"
is "$(line 57)" "<name><given>[PERSON]</given><family>[PERSON]</family></name><city>[LOCATION]</city>" "an XML element's name is its content's label"
is "$(line 58)" "<gp>Dr. [PERSON]</gp> List<String> names;" "a closing tag ends a name whole; a generic stays code"
is "$(line 59)" "Pupil: [PERSON]" "a given name that is a word, before a surname that is none, stays in the name (Summer Okonkwo)"
is "$(line 60)" "It ships to most countries in [LOCATION] and [LOCATION]." "continents are places (North America is no person)"
is "$(line 61)" '{"order":"ORD-53862255","currency":"GBP","note":"Call [PERSON] in [LOCATION]."}' "an order number's prefix and a currency code are no names; the note's are"
is "$(line 62)" "Ticket INV_2024 and REQ-7 were filed by Dr. [PERSON]." "capitals glued to a number are an identifier's prefix"
is "$(line 63)" "Prices in USD, EUR and CHF; she moved from the [LOCATION] to the [LOCATION]." "currency codes stay, places in capitals are found"
is "$(line 64)" "Customer: [PERSON]" "particles written with capitals inside a name (De La)"
is "$(line 65)" "Customer: [PERSON]" "Last, First in capitals with the surname's particles: the given name too"
is "$(line 66)" "Customer: [PERSON]" "small particles before a surname after a label, and its given name"
is "$(line 67)" "Name: [PERSON]" "Last, First with capitalised particles leading the surname"
is "$(line 68)" "The Musée De La Ville opened." "capitalised particles after no given name: no person"
is "$(line 69)" "Patient: [PERSON]" "O'NEIL in capitals: the census' ONEIL, and the given name after it"
is "$(line 70)" "Name: [PERSON]" "one hyphenated word in capitals of two surnames after a label"
is "$(line 71)" "Name: US-EAST" "one hyphenated word in capitals of no names stays"
is "$(line 72)" "name: [PERSON]" "an Arabic particle in capitals inside a name (El)"
is "$(line 73)" "2026-03-01 12:00:01 INFO user_name=[PERSON] action=login" "two capitalised words after a key's '=' are text"
is "$(line 74)" "class=Foo Bar title=Hello World" "ordinary and unknown words after '=' stay"
is "$(line 75)" "Ils habitent à [LOCATION], nous kommen aus [LOCATION]." "a big city that is a word after à, aus (Nice, Essen)"
is "$(line 76)" "[PERSON] y [PERSON] viven aquí; [PERSON] escribió." "y after one word joins two persons; after a given name and surname, a compound surname"
is "$(line 77)" "Press C-x C-r or M-f; the value is Al-" "key chords and a word hyphenated at the line's end are no names"
is "$(line 78)" "though set. [PERSON] signed." "a hyphenated given name of five letters is no key chord"
is "$(line 79)" "The office is at [STREET_ADDRESS] and [STREET_ADDRESS] in [LOCATION]; the Martyrs of 1944." "number + rue/avenue + an ordinary word: a street"
is "$(line 80)" "uid=7002 display_name=[PERSON] changed_field=city" "one word after a display name's key is a person"
like "$(line 82)" ",\\[PERSON\\],\\[STREET_ADDRESS\\],\\[LOCATION\\]\$" "a CSV's street cell with no street type; a last_name led by particles"
is "$(line 83)" "8,[PERSON],[PERSON],[STREET_ADDRESS],[LOCATION]" "a CSV's street cell with no street type"
is "$(line 84)" "Call [PHONE_NUMBER],[STREET_ADDRESS],[LOCATION] today." "a number before a CSV separator is no house number"
is "$(line 85)" "Street: [STREET_ADDRESS]" "a street's field label and a number, no street type"
is "$(line 87)" "PATIENT: [PERSON]           DOB: [DATE_OF_BIRTH]" "a surname in capitals from no lexicon, then its given names, under a label"
is "$(line 88)" "NEXT OF KIN: [PERSON] (BROTHER)" "LAST, FIRST in capitals after next of kin"
is "$(line 89)" "TRIAGE NURSE: [PERSON]. Signed by: [PERSON]." "role labels: triage nurse, signed by"
is "$(line 90)" "Customer: ACME, INC. User: ADMIN, ROOT" "capitals before a comma under a person label: no name when no given name follows"
is "$(line 91)" "COUNTRY OF BIRTH: [LOCATION]" "a country in capitals"
is "$(line 92)" "[LOCATION]" "a big city in capitals on an address block's line"
is "$(line 93)" "[LOCATION]" "a country of two words in capitals"
is "$(line 94)" "ROAST TURKEY, READING LIST, NICE WORK. ERROR DENVER_URL unset, LONDON-1 zone." "places in capitals that are words, or glued to code, are not"
is "$(line 98)" "| [PERSON] | Morgan Stanley | [LOCATION] | [LOCATION] |" "a table's cells take their column's label: places that are words, a firm that is no person"
is "$(line 100)" "[PERSON] | Johnson | [LOCATION]" "a table without outer bars"
is "$(line 101)" "Hosted by [PERSON]; 2004 [PERSON]; I met [PERSON]." "given name (a month too), small particles, surname; a hyphenated surname with Mc"
like "$(line 102)" "^Museum van Gogh, Bank of .*, getElementById and JSON-McFoo stay; On Jan de 5 no\\.\$" "particles after a word, camel case in code: no names"
is "$(line 103)" "[STREET_ADDRESS]" "a street line of an address block"
is "$(line 104)" "69117 [LOCATION]" "a town after its postcode is the town, though it ends like a street (-berg)"
is "$(line 105)" "[chat] [PERSON]: nice, say hi to [PERSON] from me" "a given name that is a town speaks after a chat tag; a surname by its ending (-ska) makes the run a person"
is "$(line 106)" "[#general] [PERSON]: the build is green." "a channel tag before a speaker"
is "$(line 107)" "[chat] [LOCATION]: no. [INFO] Server: started" "a region after a tag is no speaker; an ordinary word after a tag neither"
is "$(line 108)" "[PERSON], [STREET_ADDRESS], [LOCATION], [LOCATION] [US_ZIP_CODE]" "the number after -weg is its house number, not the start of a street of the town (Salt Lake)"
is "$(line 109)" "Sehr geehrte Frau [PERSON], Dr [PERSON] and Mr [PERSON] will call. Vos amis sont la." "after a title a surname that is another language's function word (Vos, Das, Le)"
is "$(line 110)" "Name: [PERSON]" "under a label the surname that is a word stays in the name (Hedge)"
is "$(line 112)" "544,[PERSON],[LOCATION]" "a CSV cell is read whole for its column's label"
is "$(line 114)" "Address: [STREET_ADDRESS], [LOCATION]" "Italian particles in a street (dei)"
is "$(line 115)" "Upstream-Name: Bear" "a package's name field is no person's"
is "$(line 117)" "[PERSON]" "the line after an address block's head (SHIP TO:) is its name, in capitals"
is "$(line 119)" "[PERSON]" "the line after Bill to: in title case, though both words are ordinary ones too (Hazel Moss)"
is "$(line 121)" "Accounts Payable" "ordinary words after the head stay"
is "$(line 122)" '{"first_name": "[PERSON]", "given": "[PERSON]"} Date: Jan 5. Month: June' "a month that is a given name, under a given name's label; months elsewhere stay"
is "$(line 124)" "Every Quorvex Home kit ships with a plug. The Quorvex App lists installers, and Quorvex works offline." "a name the tagger found without a given name first is not remembered: a brand in a heading does not make each later mention a person"
is "$(line 125)" "Lieferung an [STREET_ADDRESS], 04109 [LOCATION]." "German's abbreviated street type (Lindenstr.)"
is "$(line 126)" "[LOCATION], den 6. November 2025" "a letter's place before its date"
is "$(line 127)" "[LOCATION], le 1 mars 2025. Bath, 2 days later we left." "the date needs a month; a town before other numbers stays"
is "$(line 128)" "dn: CN=[PERSON],OU=Staff" "a name of UTF-8 letters after a key's '='"
is "$(line 129)" "ORGANIZER;CN=[PERSON]:mailto:[EMAIL_ADDRESS]" "a calendar attendee before :mailto:"
is "$(line 130)" "[PERSON] and Mrs [PERSON] called; we drove to [LOCATION]." "Dutch 't in a name (van 't Hof); Hof the town alone"
is "$(line 131)" "Mayor [PERSON] and Senator [PERSON] spoke. The Mayor Office is closed." "civic titles (Mayor, Senator); before an ordinary word, none"
is "$(line 132)" "Good morning [PERSON], the files are ready. Evening Standard reported." "Good morning before a name that is a town too (Charlotte); Evening alone greets no one"
is "$(line 133)" "[PERSON] (Agent): how can I help?" "a speaker with a role in parentheses"
is "$(line 134)" "She flew to [LOCATION]." "Singapore (no libgeonames city, places-extra.txt)"
is "$(line 135)" "[STREET_ADDRESS], 90162 [LOCATION] and [STREET_ADDRESS], 1015 DV [LOCATION]" "house numbers with /A (Italian) and hs glued (Dutch)"
is "$(line 136)" "[STREET_ADDRESS], 03044 [LOCATION]; [STREET_ADDRESS]" "a street type abbreviated with its dot (Avda.); 12bis glued"
is "$(line 137)" "[STREET_ADDRESS], [LOCATION] [LOCATION] 6000, [LOCATION]. Bring Water WA 6000." "an Australian town and its state's code before a postcode, two places; ordinary words are neither"
is "$(line 138)" "Work Location: [LOCATION] (Remote)" "a work location's field"
is "$(line 139)" "Account holder: Ferrari & Figli S.r.l. and Van Houten Verpakkingen B.V.; [PERSON] & [PERSON] came." "firms by their legal form or surnames joined by &; given names joined by & stay persons"
is "$(line 140)" "Passenger 1: [PERSON] DR, [PERSON] MR; read AND/OR write over TCP/IP, LONDON/PARIS." "an airline booking's SURNAME/GIVEN; words and places joined by / stay"
is "$(line 141)" "Reporting Officer: PC 7129 [PERSON]. Line Manager: [PERSON]" "a rank and a collar number before a surname; a line manager's field"
is "$(line 142)" "Brief aan mevr. [PERSON]; please ask [PERSON]. What I. Think. Feature m. You" "a title in small letters with its dot; an initial before a census surname; not I. Think nor m. You"
is "$(line 143)" "Copyright 2009 [PERSON] <[EMAIL_ADDRESS]>. role: HR Business Partner. Sehr geehrter Hr. [PERSON]," "Vietnamese letters of three UTF-8 bytes are inside the word (the name whole); HR without a dot is no title"
is "$(line 145)" "Seguros Iberia Mutua" "the line under a signature's name is the signer's firm, not a person by the tagger"
is "$(line 146)" "Si prefiere la sede de [LOCATION]. Über eine kurze Antwort." "Spanish and German sentence starts (Si, Über) are no names"
is "$(line 147)" "37001 [LOCATION] CEDEX" "the town after its postcode, before CEDEX"
is "$(line 148)" "Wir wohnen [STREET_ADDRESS], 10115 [LOCATION]; [STREET_ADDRESS], 10117 [LOCATION]." "German streets named by a preposition, before a number and a postcode + town"
is "$(line 149)" "A full Irish breakfast; German: fluent. Copyright 1995 by [PERSON], all rights reserved." "nationalities are no names; a frequent given name keeps a surname that never_names[] holds (Lord)"
is "$(line 150)" "Exponential Backoff With Jitter, Unwaxed Lemons, Best Chromebook; [PERSON] scored." "Title Case headings and product phrases are no persons by the tagger; a given name keeps Best"
is "$(line 151)" "Re: [PERSON] (seen). WARNING, Will not. [LOCATION], [LOCATION]." "SURNAME, Given with no label; not two ordinary words, not places"
is "$(line 152)" "1. Surname (Family name): [PERSON]" "a label's notes in parentheses; one word of no lexicon under a surname's label"
is "$(line 153)" "Nazwisko: [PERSON]    Pierwsze imię: [PERSON]" "Polish labels; two spaces end a label (form columns)"
is "$(line 154)" "TICKET HOLDER: [PERSON]. Administrator, pan [PERSON], obiecał." "a ticket holder's label; Polish pan as a title"
is "$(line 155)" "[PERSON] called." "Irish Mac inside a name"
is "$(line 156)" "Ballina, Co. [LOCATION]. Smith & Co. Ltd. Place and date: [LOCATION], 12 May 2023" "a county after Co. (not a firm's & Co.); a place-and-date field"
is "$(line 157)" "sshd: login from [IP_ADDRESS] pop=[LOCATION] city=[LOCATION] user=Admin" "a log's key=value: the key alone is the label (pop=, city=)"
is "$(line 158)" "Our household relies on Siri. Delivered by Pre-Paid First-Class Post." "products' given names alone and hyphenated ordinary words are no persons by the tagger"
like "$(line 159)" "^CHIEF \\[PERSON\\] \\.+ CLAIMANT$" "a party in capitals before its role in a court's heading"
is "$(line 160)" "ACME HOLDINGS LIMITED ...... DEFENDANT" "a firm before its role stays"
is "$(line 161)" "say hi to [PERSON], ping [PERSON], his name was [PERSON]; ask for Barclays, say hi to [LOCATION]." "a chat's phrases before a given name of the lexicon; not a firm or a place"
is "$(line 163)" "01 | [PERSON] | [STREET_ADDRESS], [LOCATION] [UK_POSTCODE]" "a consignee's column; a town in capitals right after a street, though it is a word (Derby)"
is "$(line 164)" "Post to [STREET_ADDRESS], [LOCATION] or [STREET_ADDRESS], 1050 [LOCATION]." "a unit/house pair (7/21) with its unit word; an Austrian number of three parts (41/2/8)"
is "$(line 165)" "Office: [STREET_ADDRESS], [STREET_ADDRESS] and [STREET_ADDRESS]." "British street types Circus, Wynd, Parade"
is "$(line 166)" "Sede: [STREET_ADDRESS], [LOCATION]; [STREET_ADDRESS]; [STREET_ADDRESS]; [STREET_ADDRESS]." "Av., Bv., Callejón before the name; Portuguese do inside it"
is "$(line 167)" "Adres: [STREET_ADDRESS]; iroda: [STREET_ADDRESS]; ofis: [STREET_ADDRESS], [STREET_ADDRESS]." "Laan van ...; Hungarian út in small letters; Turkish Cad. and Sokak before No: and the number"
is "$(line 168)" "Hotell: [STREET_ADDRESS], [STREET_ADDRESS]; kantor: [STREET_ADDRESS], [STREET_ADDRESS]." "Norwegian gate in small letters, Swedish -torget; Jl. and Jalan with No."
is "$(line 169)" "[LOCATION] office: [STREET_ADDRESS], [STREET_ADDRESS]." "Korean -ro and -daero"
is "$(line 170)" "Ship to [STREET_ADDRESS], or [STREET_ADDRESS]" "a compass point between the number and the name (SE, N.)"
is "$(line 171)" "Witness: [PERSON], [STREET_ADDRESS], [LOCATION]" "a street after a label's name ends the label's list: the town is no witness"
is "$(line 172)" "PID|1||880123^^^CITYHOSP^MR||[PERSON]^^MRS||19840512|F|||[STREET_ADDRESS]^[STREET_ADDRESS]^[LOCATION]^[LOCATION]^[UK_POSTCODE]^GBR" "HL7 PID-5 family^given^middle; PID-11's unit, city and state"
is "$(line 173)" "PV1|1|I|W4^B12^01||||C55102^[PERSON]^^^DR|||MED" "HL7 PV1-7: a doctor's id, then the name"
is "$(line 174)" "[14/02/2026, 09:41] [PERSON]: running late" "after a time stamp, a speaker of no lexicon"
is "$(line 175)" "[09:15] [PERSON]: morning team" "after a time stamp, two words of no lexicon speak"
is "$(line 176)" "[09:16] Deploy Bot: started" "ordinary words after a time stamp do not"
is "$(line 177)" "Please ask [PERSON] for the slides; the driver [PERSON] waits; contact Support." "a verb or a role before a given name; not before an ordinary word"
is "$(line 178)" "RSVP to [PERSON] & [PERSON] by Friday; Marks & Spencer and Procter & Gamble stay." "two given names joined by & are persons; firms of surnames stay"
is "$(line 179)" "Leof. Kifisias 12, 145 62 [LOCATION]; [STREET_ADDRESS], 2710-591 [LOCATION]; [STREET_ADDRESS], 05-500 [LOCATION]" "Greek, Portuguese and Polish postcodes before the town (145 62, 2710-591, 05-500)"
is "$(line 180)" "Country of origin: [LOCATION]   Port of discharge: [LOCATION]   Luogo di nascita: [LOCATION]" "place labels of forms and manifests: country of origin, port of discharge, luogo di nascita"
is "$(line 182)" "[LOCATION] [UK_POSTCODE]" "a town before a UK postcode at a line's start"
is "$(line 183)" "[LOCATION] [LOCATION] [CA_POSTAL_CODE]; [LOCATION] [LOCATION] [US_ZIP_CODE]" "a town, its province's or state's code and a Canadian or US postal code"
is "$(line 184)" "DEP 09:10 FROM [LOCATION] (LIS) TO [LOCATION] (OSL)" "cities before their airports' codes in an itinerary"
is "$(line 185)" "Gemeente [LOCATION]; Comune di [LOCATION]; Incoterms: DAP [LOCATION]; Endless Mobile, Inc.; Shigeru Chiba" "a town after its town hall's word; a big place after a code; not a word that is a city (Mobile), nor after a name of no lexicon (Chiba)"
is "$(line 186)" "We drove from [LOCATION] to [LOCATION], then on to [LOCATION] and [LOCATION]." "small towns of towns.txt after from/to, a multi-word one, the next of a list"
is "$(line 187)" "Born in [LOCATION], [LOCATION]; at [STREET_ADDRESS], [LOCATION]." "a small town after in and after a street"
is "$(line 188)" "Copyright 1996 Just van Rossum, [PERSON]; Ambleside said no." "a town before ', ' and a given name that is a town too is no place; a town with no place's context is none"
is "$(line 189)" "[STREET_ADDRESS], [LOCATION]" "a unit and a building's name before the street, each after ', '"
is "$(line 190)" "[STREET_ADDRESS]; [STREET_ADDRESS]" "a room, a floor and a building; a floor alone"
is "$(line 191)" "Thanks, [PERSON], [STREET_ADDRESS]" "a name before the street is no building (no unit before it)"
is "$(line 192)" "[STREET_ADDRESS]; [STREET_ADDRESS]; [STREET_ADDRESS]; [STREET_ADDRESS]" "German Str. after, Romanian Str. and Calea before with nr., Polish os."
is "$(line 193)" "[STREET_ADDRESS], [LOCATION]; [STREET_ADDRESS], [LOCATION]" "Indian streets numbered by an ordinal after a unit (No.) and a building"
is "$(line 194)" "We met on 2nd Main Road. The 5th Avenue store; Address: [STREET_ADDRESS]" "an ordinal street alone is no address; under a street label it is"
is "$(line 86)" "Write to [LOCATION], [LOCATION] [US_ZIP_CODE] or [LOCATION], [LOCATION]. Mail [LOCATION], GA 4 copies." "a state code after its town is a place before a ZIP or a stop, not before another number"
# a word of a name found before, alone, is the same person; a name far before is forgotten
printf 'Attendees: Margaret Smith (Chair), Rajesh Venkataraman\n - Rajesh confirmed the contract.\n' > "$T/memo.txt"
run "$AKIOS" protect redact "$T/memo.txt"
is "$(printf '%s\n' "$out" | sed -n 2p)" " - [PERSON] confirmed the contract." "a given name alone after the full name"
$PY -c "
import sys
sys.stdout.write('Attendees: Rajesh Venkataraman\n' + 'Nothing to see in this line at all.\n' * 300 + ' - Rajesh confirmed the contract.\n')" > "$T/memo-far.txt"
run "$AKIOS" protect redact "$T/memo-far.txt"
is "$(printf '%s\n' "$out" | tail -n 1)" " - Rajesh confirmed the contract." "a name 10 KB before is not remembered (the same in any streaming round)"
printf 'Wei-Lin Chang\302\271, Oluwafemi Adeyemi\302\262, Katharina Vogel\302\271,\302\263, S\303\251bastien Girard\342\201\264 and Ananya Bhattacharya\302\262\n' > "$T/authors.txt"
run "$AKIOS" protect redact "$T/authors.txt"
like "$out" "\\[PERSON\\]$(printf '\342\201\264') and" "a given name first and no place: the tagger's LOCATION is a person (Sébastien Girard)"

# a CSV's header names its columns: first_name, city (comma, tab or semicolon)
printf 'id,first_name,last_name,city\n1001,Zo\303\253,Lef\303\250vre,Paris\n1002,Klaus,M\303\274ller,Torino\n' > "$T/people.csv"
printf 'id\tname\ttown\n1\tKlaus Weber\tLeeds\n2\tZo\303\253 Lef\303\250vre\tBath\n' > "$T/people.tsv"
printf 'id;product;colour\n7;Apple;Green\n8;Grant;Rose\n' > "$T/things.csv"
run "$AKIOS" protect redact "$T/people.csv"
is "$(printf '%s\n' "$out" | sed -n 2,3p | tr '\n' ' ')" "1001,[PERSON],[PERSON],[LOCATION] 1002,[PERSON],[PERSON],[LOCATION] " "CSV: a cell under first_name, last_name and city"
run "$AKIOS" protect redact "$T/people.tsv"
is "$(printf '%s\n' "$out" | sed -n 3p)" "$(printf '2\t[PERSON]\t[LOCATION]')" "TSV: a cell under name and town"
# a header below other text, and a block of rows whose first line is no header (names that are
# ordinary words too, Amber Frost: only a column label makes them a person)
printf 'Some notes first.\n\nName,City\nZo\303\253 Lef\303\250vre,Bath\n\n1,2,3\n7,Amber,Frost\n8,Amber,Frost\n' > "$T/mid.csv"
run "$AKIOS" protect redact "$T/mid.csv"
is "$(printf '%s\n' "$out" | sed -n 4p)" "[PERSON],[LOCATION]" "CSV: a header after other text labels its column"
is "$(printf '%s\n' "$out" | sed -n 8p)" "8,Amber,Frost" "CSV: rows under a line that is no header get no column label"
# a line of prose with as many commas right above the header is no header
printf 'Ship to: Giuseppe Esposito, Via Garibaldi 21, 80134 Napoli\ncustomer_name,city,country\n"Wei Zhang",Shenzhen,China\n"Ana Rossi",Reading,Turkey\n' > "$T/after.csv"
run "$AKIOS" protect redact "$T/after.csv"
is "$(printf '%s\n' "$out" | sed -n 4p)" '"[PERSON]",[LOCATION],[LOCATION]' "CSV: the header under a line with as many commas labels its columns (Reading, Turkey)"
run "$AKIOS" protect redact "$T/things.csv"
is "$(printf '%s\n' "$out" | sed -n 2,3p | tr '\n' ' ')" "7;Apple;Green 8;Grant;Rose " "CSV: cells under columns that name things stay"

# pii_detect_names: false turns the three types off (AKIOS_<KEY> override, CONTRACTS §5)
run env AKIOS_PII_DETECT_NAMES=false "$AKIOS" protect scan --json "$T/rules.txt"
is "$rc" 0 "scan with names off"
unlike "$out" 'PERSON|STREET_ADDRESS|LOCATION' "names off: no PERSON, STREET_ADDRESS or LOCATION"
like "$out" 'EMAIL_ADDRESS' "names off: the other detectors still run"
run env AKIOS_PII_DETECT_NAMES=maybe "$AKIOS" protect scan "$T/rules.txt"
is "$rc" 2 "a bad AKIOS_PII_DETECT_NAMES is a usage error"

# both engines agree (the names pass runs after either)
if "$AKIOS" protect scan --json "$T/c1.txt" > "$T/hs.json" 2>/dev/null &&
   AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan --json "$T/c1.txt" > "$T/pcre.json"; then
        # (the JSON names the engine that ran: CONTRACTS §8; the findings must be the same)
        sed -i 's/,"engine":"[a-z0-9+]*"//' "$T/hs.json" "$T/pcre.json"
        is "$(cmp "$T/hs.json" "$T/pcre.json" >/dev/null && echo same)" same "same findings with either engine"
fi

# a stream fed in pieces finds what one buffer finds (names near the 1 MiB round edge)
$PY -c "
import sys
b = open('$T/c1.txt', 'rb').read()
out = b''
while len(out) < 3 * 1024 * 1024:
    out += b
sys.stdout.buffer.write(out)" > "$T/big.txt"
run sh -c "cat '$T/big.txt' | '$AKIOS' protect scan --json - | $PY -c 'import json,sys; print(sum(1 for f in json.load(sys.stdin)[\"findings\"] if f[\"type\"] == \"PERSON\"))'"
n_stream=$out
one=$("$AKIOS" protect scan --json "$T/c1.txt" | $PY -c 'import json,sys; print(sum(1 for f in json.load(sys.stdin)["findings"] if f["type"] == "PERSON"))')
reps=$($PY -c "import os; print(-(-3*1024*1024 // os.path.getsize('$T/c1.txt')))")
is "$n_stream" "$((one * reps))" "streaming over 3 MiB: every copy's names found"
# transcripts, ranks, lists, SQL dumps, towns on a river (issue 11, item 1: attack 3's misses)
cat > "$T/more.txt" <<'TXT'
KOFI: Welcome back to the show.
HOST (MELODY CHEN): Let's start.
JUDGE HARRIS: Sustained.
[00:01:12] AMARA OKAFOR: Good morning.
NOTE: this is no speaker.
WARNING: disk full.
PC Daniel Whitehorse attended the scene.
PC World opens at nine.
Mr. Rahul Iyer FRCS reviewed the scan.
We invited Declan, Aoife and Cian to the party.
The dog is called Main.
INSERT INTO customers (first_name, last_name, city) VALUES ('Amber', 'Frost', 'Galway'), ('Grant', 'Baker', 'Leeds');
INSERT INTO notes VALUES (1, 'Amber', 'Frost');
She moved from Frankfurt am Main to Leeds.
We met in Berlin am Montag.
Dinner at Christmas with the family.
João Pereira and Kofi Mensah signed.
We drove through Worcestershire to the Lake District, in Lincolnshire and North Yorkshire.
A farm in County Kerry, walks in Toscana.
Dr Niamh Ó Briain and Liam Ó Dónaill attended.
Wie mit Herrn Klaus Brandt besprochen; Marie Dupont, née Moreau.
PCSO Kozłowski arrived.
Name: HUSSAIN, Tariq
[00:00:57] Rose: I only ever had soda bread. I'm Rose Kavanagh.
@Kasia already replied; see @Override and @Bean
Present: Margaret Ellison (Chair), Rajinder Singh Gill, Ngozi Obi
Tags: Paris, London
Buses between Ludlow and Church Stretton are cut.
Brands such as Grundfos, DAB and Wilo are stocked.
She grew up between Izmir and Hamburg; a holiday in Turkey, then Jordan, then the United States.
Adres: ul. Długa 45/3, 80-827 Gdańsk
Postbus 511, Postfach 1234, Apartado de Correos 123, Caixa Postal 45.
Office at 88 Kirkgate; Kleine Houtstraat 56-rood.
Mass at St Mary and St Michael's Church; she lives in St Albans; Sarah St James met Dr. St Clair.
BEGIN:VCARD
N:Oyelaran;Adebola;;Dr;
ADR;TYPE=home:;;12 Ishaga Road;Lagos;;100001;Nigeria
END:VCARD
[14/11/2026, 18:03:40] Karthik: hi all
14/11/2026, 18:04 - Bala: ok
TXT
run "$AKIOS" protect redact "$T/more.txt"
printf '%s\n' "$out" > "$T/more.out"
mline() { sed -n "${1}p" "$T/more.out"; }
is "$(mline 1)" "[PERSON]: Welcome back to the show." "a speaker's label in capitals: a given name that is no word"
is "$(mline 2)" "HOST ([PERSON]): Let's start." "a speaker's name in parentheses after the role"
is "$(mline 3)" "JUDGE [PERSON]: Sustained." "a speaker's label after a title in capitals"
is "$(mline 4)" "[00:01:12] [PERSON]: Good morning." "a speaker's label after a time stamp"
is "$(mline 5)$(mline 6)" "NOTE: this is no speaker.WARNING: disk full." "ordinary words in capitals before ':' are no speakers"
is "$(mline 7)" "PC [PERSON] attended the scene." "a rank in capitals before a given name (PC)"
is "$(mline 8)" "PC World opens at nine." "PC before no given name is no rank"
is "$(mline 9)" "Mr. [PERSON] FRCS reviewed the scan." "letters after a name (FRCS) are no part of it, and do not hide it"
is "$(mline 10)" "We invited [PERSON], [PERSON] and [PERSON] to the party." "a list of given names alone"
is "$(mline 11)" "The dog is called Main." "one ordinary word after 'is called' is no name unless a given name"
is "$(mline 12)" "INSERT INTO customers (first_name, last_name, city) VALUES ('[PERSON]', '[PERSON]', '[LOCATION]'), ('[PERSON]', '[PERSON]', '[LOCATION]');" "SQL: a value under its column's name, in every tuple"
is "$(mline 13)" "INSERT INTO notes VALUES (1, 'Amber', 'Frost');" "SQL: no column list, no label"
is "$(mline 14)" "She moved from [LOCATION] to [LOCATION]." "a town on its river (Frankfurt am Main) whole"
is "$(mline 15)" "We met in [LOCATION] am Montag." "am before a day is no river"
is "$(mline 16)" "Dinner at Christmas with the family." "holidays are no names"
is "$(mline 17)" "[PERSON] and [PERSON] signed." "given names of many origins (gender-detection-from-name's lists)"
is "$(mline 18)" "We drove through [LOCATION] to the [LOCATION], in [LOCATION] and [LOCATION]." "UK counties and regions; a region after 'the'; a place phrase whose first word is a surname (North)"
is "$(mline 19)" "A farm in [LOCATION], walks in [LOCATION]." "an Irish county; a region under its own language's name"
is "$(mline 20)" "Dr [PERSON] and [PERSON] attended." "Irish names with Ó"
is "$(mline 21)" "Wie mit Herrn [PERSON] besprochen; [PERSON], née [PERSON]." "Herrn (German dative) and née are titles"
is "$(mline 22)" "PCSO [PERSON] arrived." "a rank before a surname that is no word"
is "$(mline 23)" "Name: [PERSON]" "a surname in capitals, then its given name, under a label"
is "$(mline 24)" "[00:00:57] [PERSON]: I only ever had soda bread. I'm [PERSON]." "a speaker after a time stamp may be a word (Rose); I'm is no part of a name"
is "$(mline 25)" "@[PERSON] already replied; see @Override and @Bean" "a chat's mention of a given name; annotations stay"
is "$(mline 26)" "Present: [PERSON] (Chair), [PERSON], [PERSON]" "every item of a list after a person's label"
is "$(mline 27)" "Tags: [LOCATION], [LOCATION]" "a list after another label keeps its own rules"
is "$(mline 28)" "Buses between [LOCATION] and [LOCATION] are cut." "the tagger's person in a list after a place is a place"
is "$(mline 29)" "Brands such as Grundfos, DAB and Wilo are stocked." "a lone rare given name of the wide list (a brand) is no person without context"
is "$(mline 30)" "She grew up between [LOCATION] and [LOCATION]; a holiday in [LOCATION], then [LOCATION], then the [LOCATION]." "a list of places; a country that is a word (Turkey); Jordan and the United States are countries"
is "$(mline 31)" "Adres: [STREET_ADDRESS], 80-827 [LOCATION]" "a Polish street after ul."
is "$(mline 32)" "[STREET_ADDRESS], [STREET_ADDRESS], [STREET_ADDRESS], [STREET_ADDRESS]." "post office boxes in Dutch, German, Spanish and Portuguese"
is "$(mline 33)" "Office at [STREET_ADDRESS]; [STREET_ADDRESS]." "a street in -gate (Kirkgate); a Dutch house number's addition (56-rood)"
is "$(mline 34)" "Mass at St Mary and St Michael's Church; she lives in [LOCATION]; [PERSON] met Dr. [PERSON]." "a saint first is a church or a place, no person; St inside a name or after a title is"
is "$(mline 36)" "N:[PERSON];[PERSON];;Dr;" "a vCard's N: field: family and given names"
is "$(mline 37)" "ADR;TYPE=home:;;[STREET_ADDRESS];[LOCATION];;100001;[LOCATION]" "a vCard's ADR: field: street, locality, country"
is "$(mline 39)$(mline 40)" "[14/11/2026, 18:03:40] [PERSON]: hi all14/11/2026, 18:04 - [PERSON]: ok" "a chat export's sender after its date and time"
# a dump of many tuples: each looks back to its statement's column list once, not per value
$PY -c "
rows = ','.join(\"(%d, 'Amber', 'Frost', 'Galway')\" % i for i in range(20000))
open('$T/dump.sql', 'w').write('INSERT INTO t (id, first_name, last_name, city) VALUES ' + rows + ';\n')"
run "$AKIOS" protect scan --json "$T/dump.sql"
is "$(printf '%s' "$out" | $PY -c 'import json,sys; print(sum(1 for f in json.load(sys.stdin)["findings"] if f["type"] == "PERSON"))')" 40000 "SQL: every value of a 0.7 MB INSERT under its column"
# a CSV or a dump longer than a streaming round (1 MiB): the rows after the first round keep
# the header's and the CREATE TABLE's column names, which that round's window no longer holds
$PY -c "
rows = ['id,first_name,last_name,city'] + ['%d,Amber,Frost,Leeds' % i for i in range(100000)]
open('$T/long.csv', 'w').write('\\n'.join(rows) + '\\n')
out = ['CREATE TABLE \`m\` (\`id\` int, \`first_name\` varchar(9), \`city\` varchar(9));\\n']
out += [\"INSERT INTO \`m\` VALUES (%d,'Amber','Leeds');\\n\" % i for i in range(60000)]
open('$T/long.sql', 'w').write(''.join(out))"
run "$AKIOS" protect redact "$T/long.csv"
is "$(printf '%s\n' "$out" | grep -c '^[0-9]*,\[PERSON\],\[PERSON\],\[LOCATION\]$')" 100000 "CSV: every row of a 2.4 MB file under its header (the header is remembered across rounds)"
run "$AKIOS" protect redact "$T/long.sql"
is "$(printf '%s\n' "$out" | grep -c "'\[PERSON\]','\[LOCATION\]'")" 60000 "SQL: every INSERT of a 2.6 MB dump under its CREATE TABLE's columns"
# mysqldump: no column list, the CREATE TABLE's body names them (a type with a comma, a key,
# a value with an escaped quote); two tables' INSERTs alternate, each found once
cat > "$T/mysql.sql" <<'SQL'
CREATE TABLE `members` (
  `id` int NOT NULL,
  `price` decimal(10,2) DEFAULT NULL,
  `first_name` varchar(64) NOT NULL,
  `last_name` varchar(64) NOT NULL,
  `city` varchar(64) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
CREATE TABLE `notes` (`id` int, `body` text);
INSERT INTO `members` VALUES (1,1.50,'Amber','O\'Frost','Galway');
INSERT INTO `notes` VALUES (1,'Amber');
INSERT INTO `members` VALUES (2,2.50,'Grant','Baker','Leeds');
SQL
run "$AKIOS" protect redact "$T/mysql.sql"
is "$(printf '%s\n' "$out" | sed -n '10,12p' | tr '\n' ' ')" "INSERT INTO \`members\` VALUES (1,1.50,'[PERSON]','O\\'[PERSON]','[LOCATION]'); INSERT INTO \`notes\` VALUES (1,'Amber'); INSERT INTO \`members\` VALUES (2,2.50,'[PERSON]','[PERSON]','[LOCATION]'); " "SQL: a mysqldump INSERT's values under the CREATE TABLE's columns"
# a salutation alone is no name, though folded it is one ("Olá" -> "Ola"); with its
# accent it greets, and the name after it is still found
printf 'Olá, tudo bem?\nOlá Beatriz, tudo bem?\nOla Nordmann signed it.\n' > "$T/greet.txt"
run "$AKIOS" protect redact "$T/greet.txt"
is "$out" "Olá, tudo bem?
Olá [PERSON], tudo bem?
[PERSON] signed it." "a salutation with its accent alone: no person (Olá, not Ola)"
# a bank form's label is no chat speaker, though Iban is a given name
printf 'IBAN: DE89 3704 0044 0532 0130 00\nDear Iban,\n' > "$T/iban.txt"
run "$AKIOS" protect redact "$T/iban.txt"
is "$out" "IBAN: [IBAN_CODE]
Dear [PERSON]," "IBAN: is a label, not a speaker named Iban"
# an article or particle at a sentence's start before a word in small letters is no name;
# titles in French, Spanish, Portuguese and German, written small, before the name
printf 'De heer Jansen belt terug.\nLe docteur Martin arrive.\nO senhor Costa chegou.\nEl profesor Ruiz explica.\n' > "$T/arts.txt"
run "$AKIOS" protect redact "$T/arts.txt"
is "$out" "De heer [PERSON] belt terug.
Le docteur [PERSON] arrive.
O senhor [PERSON] chegou.
El profesor [PERSON] explica." "De/Le before a small word: no name; docteur, senhor, profesor are titles"
# a clinician before a degree that is a state's code too: a person, not "Town, ST"
printf 'PCP: Laura Chen, MD.\nWe drove to Frederick, MD.\nLake Charles, LA\n' > "$T/md.txt"
run "$AKIOS" protect redact "$T/md.txt"
is "$out" "PCP: [PERSON], MD.
We drove to [LOCATION], [LOCATION].
[LOCATION], [LOCATION]" "Laura Chen, MD is a person; Frederick, MD and Lake Charles, LA are places"
# a town and its state's code with no comma nor ZIP code is one place ("Los Angeles CA"
# gave the person Angeles); the town after a street in one capitalised run is decided
printf 'She moved to Los Angeles CA last year.\nThey met in Boston MA.\nShip to: 4417 Sunset Blvd Los Angeles CA 90027\nCall Jordan ME now.\n' > "$T/st.txt"
run "$AKIOS" protect redact "$T/st.txt"
is "$out" "She moved to [LOCATION] [LOCATION] last year.
They met in [LOCATION] [LOCATION].
Ship to: [STREET_ADDRESS] [LOCATION] [LOCATION] [US_ZIP_CODE]
[PERSON] ME now." "Town ST without comma: two places (not a country: Jordan); the town after a street in the same run"
# a given name in the possessive: a person, the 's outside the span; the word after it is
# no product of that name ("Jessica's laptop", not "a Dell laptop")
printf "Jessica's laptop was stolen.\nJohn Smith's dog barked.\nGeorgia's coast is long.\n" > "$T/poss.txt"
run "$AKIOS" protect redact "$T/poss.txt"
is "$out" "[PERSON]'s laptop was stolen.
[PERSON]'s dog barked.
[LOCATION] coast is long." "a given name in the possessive is a person; the 's stays"
# a person's list label heads the names, not the address after them: an item with a
# number after it or a place of the lexicon ends it; Russian street types (Prospekt)
printf 'Beneficiary: Svetlana Ivanova, Leninsky Prospekt 45, Moscow 119334\nGuest: Hamid Rezaei, Room 1204\nAttendees: Margaret Ellison, Rajinder Singh Gill, Ngozi Obi\n' > "$T/benef.txt"
run "$AKIOS" protect redact "$T/benef.txt"
is "$out" "Beneficiary: [PERSON], [STREET_ADDRESS], [LOCATION] 119334
Guest: [PERSON], Room 1204
Attendees: [PERSON], [PERSON], [PERSON]" "a list label's later items: a street, a town, a room are no persons"
# a given name and a surname in capitals inside a sentence in small letters
printf 'Discharge summary for BLANCHE FONTAINE, DOB 1951.\nWe admitted JOHN SMITH yesterday.\nsee the NEW YORK TIMES and the HEALTH SERVICES unit\nwe watched TOM AND JERRY\n' > "$T/capsin.txt"
run "$AKIOS" protect redact "$T/capsin.txt"
is "$out" "Discharge summary for [PERSON], DOB 1951.
We admitted [PERSON] yesterday.
see the NEW YORK TIMES and the HEALTH SERVICES unit
we watched TOM AND JERRY" "a name in capitals inside a small-letter sentence; not capitals of things"
# surnames by their ending, beside a place: Russian -ova, Armenian -yan, Georgian -dze
printf 'Serena Williams beat Maria Sharapova in Melbourne.\nShe met Anna Petrosyan in Yerevan.\nNino Beridze lives in Tbilisi.\n' > "$T/endings.txt"
run "$AKIOS" protect redact "$T/endings.txt"
is "$out" "[PERSON] beat [PERSON] in [LOCATION].
She met [PERSON] in [LOCATION].
[PERSON] lives in [LOCATION]." "surname endings -ova, -yan, -dze: persons, not places, before 'in Town'"
# a lone given name before a verb of a person's doing, or after "call": a person; not an
# ordinary word (Rose), a country, a region or a big city that is no common given name
printf 'yes, Tomasz reviewed it yesterday.\nI think Priyanka said the build was fine.\nBrandon called me twice.\nPlease call Gunnar on Monday.\nRose said no. Georgia said no. Beijing said no.\n' > "$T/verbs.txt"
run "$AKIOS" protect redact "$T/verbs.txt"
is "$out" "yes, [PERSON] reviewed it yesterday.
I think [PERSON] said the build was fine.
[PERSON] called me twice.
Please call [PERSON] on Monday.
Rose said no. [LOCATION] said no. [LOCATION] said no." "a given name before said/reviewed/called, or after call, is a person; places stay places"
# a street without a house number, after a preposition of place, when its type names
# streets only; a park or a station after one is a place, not a person (Hyde, Park: surnames)
printf 'We met on Oak Lane near the school.\nTurn left onto Church Road and park.\nIch wohne in der Hauptstraße in Berlin.\nWe drove from Nuremberg to Heidelberg.\nShe walked down Memory Lane.\nMeet me at Hyde Park.\nDr. Jisoo Park will see you.\n' > "$T/streetprep.txt"
run "$AKIOS" protect redact "$T/streetprep.txt"
is "$out" "We met on [STREET_ADDRESS] near the school.
Turn left onto [STREET_ADDRESS] and park.
Ich wohne in der [STREET_ADDRESS] in [LOCATION].
We drove from [LOCATION] to [LOCATION].
She walked down Memory Lane.
Meet me at [LOCATION].
Dr. [PERSON] will see you." "a numberless street after on/onto/der; a town ending -berg is none; a park after at is a place"
# a compass word or "New" first in a town before its state; a street's direction after its type
printf 'She lives at 12 Main St, East Lavonne, NH 03301.\nShip to 300 Queen St W, Toronto.\nWe met in West Mireya, WV last year.\nSouth Park, CO is a show\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "She lives at [STREET_ADDRESS], [LOCATION], [LOCATION] [US_ZIP_CODE].
Ship to [STREET_ADDRESS], [LOCATION].
We met in [LOCATION], [LOCATION] last year.
South Park, CO is a show" "compass town before a state, street direction"

# Lake/Port/Mount/Fort first in a town before its state; USPS suffixes in the plural
printf 'We met in Lake Jennifer, CA last year.\nShe is from Port Christopher, TX.\nAddress: 5512 Jennifer Harbors Apt. 817, Lake Jennifer, CA 94107\nOur office is 40 Kelly Crossroads, Austin, TX.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "We met in [LOCATION], [LOCATION] last year.
She is from [LOCATION], [LOCATION].
Address: [STREET_ADDRESS], [LOCATION], [LOCATION] [US_ZIP_CODE]
Our office is [STREET_ADDRESS], [LOCATION], [LOCATION]." "Lake/Port town before a state, plural street suffixes"

# Icelandic patronymics end as only surnames do
printf 'Björk Guðmundsdóttir says hi\nThen Einar Gunnarsson replied.\nThe lessons were long.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "[PERSON] says hi
Then [PERSON] replied.
The lessons were long." "Icelandic -dóttir/-sson surnames"

# a town by its words' shape, with no state after it: a name then a town's ending, or a
# compass word, Lake, Port, Mount, Fort or New then a name; a word of words is none
printf 'He now works in Curtismouth.\nShe moved from East Amanda to Port Vanessa last spring.\nA New Dawn for the team. Backport fixes from upstream.\nEmployee Kevin Andrews relocated to the North Mark branch.\nThe Bakerton office and Smithfurt depot; not Sideview or Airport.\nWe sailed past Lake John and Mount Olive.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "He now works in [LOCATION].
She moved from [LOCATION] to [LOCATION] last spring.
A New Dawn for the team. Backport fixes from upstream.
Employee [PERSON] relocated to the [LOCATION] branch.
The [LOCATION] office and [LOCATION] depot; not Sideview or Airport.
We sailed past [LOCATION] and [LOCATION]." "a town by its shape: name + ending, compass/Lake/Port + name"

# a state's code under a place's label
printf 'City: Carlosside\nState: AL\n{"state": "NY", "city": "Reno"}\nThe state is OK.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "City: [LOCATION]
State: [LOCATION]
{\"state\": \"[LOCATION]\", \"city\": \"[LOCATION]\"}
The state is OK." "a state's code after State:"

# French towns by their shape; a street type of the Romance languages in small letters
# before names, with no number; Italian town prefixes; Dutch -baan, Spanish Rambla/Pasaje
printf 'Elle habite à Boulogne-sur-Mer.\nJean-Pierre et Marie-Claire sont là.\nNous allons à Aix-les-Bains demain.\nThibaut Gosselin lives at rue Jacques Lagarde.\nWe sent it via Slack.\nWe visited Borgo Jelena and Thomastown.\nI live at Kevinbaan 5.\nEnvíelo a Rambla de Dolores Madrid 741, Pasaje Martin Valenciano 1.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Elle habite à [LOCATION].
[PERSON] et [PERSON] sont là.
Nous allons à [LOCATION] demain.
[PERSON] lives at [STREET_ADDRESS].
We sent it via Slack.
We visited [LOCATION] and [LOCATION].
I live at [STREET_ADDRESS].
Envíelo a [STREET_ADDRESS], [STREET_ADDRESS]." "French -sur-/-les- towns, rue without a number, Borgo, -baan, Rambla/Pasaje"

# a given name that is a town too, before a verb of a person's; a small town after "visited"
printf 'Ms. Steele asked whether David could join us.\nWe visited Sebnitz last year.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Ms. [PERSON] asked whether [PERSON] could join us.
We visited [LOCATION] last year." "given name before could; a town after visited"

# the ISO 3166 names of countries beside geonames' ("Russian Federation", "Czechia", "Lithuania")
printf 'We flew to the Russian Federation and Czechia.\nShe moved to Lithuania.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "We flew to the [LOCATION] and [LOCATION].
She moved to [LOCATION]." "ISO 3166 country names"

# letters after a name in small letters too; a given name and a surname that are ordinary
# words before a verb of a person's; USPS "Passage"
printf 'Name: Aaron Martinez PhD\nYesterday Heather Hicks signed the contract.\nThe package arrived at 2241 Lisa Passage today.\nMay Day came early.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Name: [PERSON] PhD
Yesterday [PERSON] signed the contract.
The package arrived at [STREET_ADDRESS] today.
May Day came early." "PhD after a name, word names before signed, Passage"

# a name seen before that is a small town's too; a country at a sentence's start
printf 'Tony Blair met Gerhard Schroeder on Monday, and Schroeder agreed.\nMichael Jackson sang. Later we flew to Jackson, Mississippi.\nGermany'"'"'s team won.\nBrazil beat Chile and Turkey.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "[PERSON] met [PERSON] on Monday, and [PERSON] agreed.
[PERSON] sang. Later we flew to [LOCATION], [LOCATION].
[LOCATION] team won.
[LOCATION] beat [LOCATION] and [LOCATION]." "a seen name that is a small town; countries at a sentence start"

# programming languages and programs are no persons to the tagger, nor names seen before; a
# context rule still reads one
printf 'Perl module for Perl programmers\nTools for writing better Haskell type errors\nclients under Wayland\nPhobos D standard library\nDear Ruby,\nJulia said she would come.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Perl module for Perl programmers
Tools for writing better Haskell type errors
clients under Wayland
Phobos D standard library
Dear [PERSON],
[PERSON] said she would come." "languages and programs are no persons"

# a word of no list after a compass word, Lake or Port; a word of no list with a town's
# ending after a preposition of place (not at a line's start, not a word of words)
printf 'Please verify your new address: 6113 Kohler Crescent, North Jeramie.\nThe clinic in East Jessycaport is open.\nWe moved to Zorblatport.\nHe works at Tryton.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Please verify your new address: [STREET_ADDRESS], [LOCATION].
The clinic in [LOCATION] is open.
We moved to [LOCATION].
He works at Tryton." "an unknown word after North/East; an unknown town-ending word after to"
printf 'Zorblatport is far.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Zorblatport is far." "an unknown town-ending word at a line's start, not seen before, is none"

# a British unit on the line before a street without a number, or a unit's number before one
printf 'Flat 44\nJemma Courts\nNorth Bryan\nB1 2AA\n\nStudio 20e, Bennett Burgs, Leeds, LS1 4AP\n\nRoom 5\nMain Street is busy.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "[STREET_ADDRESS]
[LOCATION]
[UK_POSTCODE]

[STREET_ADDRESS], [LOCATION], [UK_POSTCODE]

Room 5
[STREET_ADDRESS] is busy." "a UK unit line before a numberless street; Studio's number before a street; a street's name alone is one, not joined to a room on the line before"

# a degree's dotted letters after a name (not a firm's S.A. or B.V.); a street name longer
# than 24 bytes; an initial-less capital after a name is a person's (Indian names), capitals
# alone are not
printf 'The package for Faruk Eimer B.A. arrived.\nContact Maja Binner B.Eng. for details.\nVan Houten Verpakkingen B.V. and Telefonica S.A. agreed.\nHe lives at Friedlinde-Mitschke-Platz 3.\nX C Binding, dpms extension\nPascal Hambourg fixed it.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "The package for [PERSON] B.A. arrived.
Contact [PERSON] B.Eng. for details.
Van Houten Verpakkingen B.V. and Telefonica S.A. agreed.
He lives at [STREET_ADDRESS].
X C Binding, dpms extension
[PERSON] fixed it." "B.A./B.Eng. after a name, a 25-byte street, X C, Pascal Hambourg"

# a place whose name holds " and " ("Bosnia and Herzegovina"); two runs joined by "and"
# that are no such place stay two
printf 'We flew to Bosnia and Herzegovina, then to Saint Vincent and the Grenadines.\nTurks and Caicos Islands are nice. France and Spain won. Sales and Marketing met.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "We flew to [LOCATION], then to [LOCATION].
[LOCATION] are nice. [LOCATION] and [LOCATION] won. Sales and Marketing met." "places named with and"

# a town before an ordinary word ("West Steven General"); USPS Station, Pine, Land, Route
printf 'Patient Lisa Garcia was referred by Dr. Cook of South Nicholas General.\nThe package arrived at 79964 Romero Station in Jamesfurt.\nIt shipped to 4625 Mary Pine Apt. 265 yesterday.\nThe West Wing Company and North Star Inc.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Patient [PERSON] was referred by Dr. [PERSON] of [LOCATION] General.
The package arrived at [STREET_ADDRESS] in [LOCATION].
It shipped to [STREET_ADDRESS] yesterday.
The West Wing Company and North Star Inc." "compass town before General; USPS Station/Pine"

# an ordinary word before a title; a name before stated/moved; a comma's number that starts
# the next address is not the run's
printf 'Witness Dr. Martha Gilbert stated she saw it.\nCall Mr. Smith.\nWitness Amber Butler stated it.\nShip to: Katherine Brooks, 65490 Kurt Overpass Apt. 147\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Witness Dr. [PERSON] stated she saw it.
Call Mr. [PERSON].
Witness [PERSON] stated it.
Ship to: [PERSON], [STREET_ADDRESS]" "a word before a title; stated; Brooks, 65490 Kurt Overpass"

# a headerless CSV's given name and surname cells; a given name that is a region speaks
# after a time stamp; "New" and a word of no list is no town; long words without a hyphen
printf '77678,John,Stephens,9190 Harrison Orchard,Lake Ambermouth,52554\nRed,Green,Blue\nMay,June,July\n[10:30] Lori: hey\nNew Dataset for training\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "77678,[PERSON],[PERSON],[STREET_ADDRESS],[LOCATION],52554
Red,Green,Blue
May,June,July
[10:30] [PERSON]: hey
New Dataset for training" "CSV name cells, a region-named speaker, New + unknown word"

# a given name that is no word, then a surname that is a rare word, stays whole; the models
# a workflow names are no persons to the tagger
printf 'Thanks, Adrian Bunk and Andreas Boll.\nReported by Maria Lopez, assisted by Claude.\nWe saw Victoria Falls.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Thanks, [PERSON] and [PERSON].
Reported by [PERSON], assisted by Claude.
We saw [LOCATION]." "Adrian Bunk whole; Claude the model"

# a German spa town ("Bad Homburg"), not "Bad Boys" nor "Bad Request"
printf 'We flew from Bad Brückenau to Uffenheim.\nBad Boys and Bad Bunny played.\nBad Request from the server.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "We flew from [LOCATION] to [LOCATION].
Bad Boys and Bad Bunny played.
Bad Request from the server." "Bad + a town"

# a street type in small letters after the name, with a house number or a unit line before
# it (python Faker's en_GB writes them so); not after a determiner, not a verb's type
printf 'Ship it to 22 Jasmine ferry, please.\nThe package arrived at Studio 64\nBryan view in town.\nI saw 2 Dogs run.\nThe 5 Star way.\nSee the 2 XS extension.\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Ship it to [STREET_ADDRESS], please.
The package arrived at [STREET_ADDRESS] in town.
I saw 2 Dogs run.
The 5 Star way.
See the 2 XS extension." "small street types after a house number or a unit line"

# a French town by its shape though its parts are names of the lexicon; Saint + a name after
# a preposition of place; a street's own unit is no unit line before the next line's town
printf 'Nous allons à Thibault-les-Bains.\nI was born in Sainte Stéphane and moved to Saint Raymond.\nWe prayed to Saint Raymond.\nInvoice for Kelly Frank\n3404 David Village Suite 924\nWrightberg, OH 27923\n' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Nous allons à [LOCATION].
I was born in [LOCATION] and moved to [LOCATION].
We prayed to Saint Raymond.
Invoice for [PERSON]
[STREET_ADDRESS]
[LOCATION], [LOCATION] [US_ZIP_CODE]" "French town shape with lexicon parts; Saint after in/to; a street's own unit"

# names in small letters in chat messages (attack 10: 57 such names, none found): after a
# time stamp and a speaker, an IRC handle, a call transcript's role; not ordinary words,
# not after an article or a street word, not before a house number, not accented function
# words, not a wide-list name after "from", and not outside chat lines. The speaker before
# ':' is the speaker rule's: "Tolu" speaks, a role ("Cliente") is no name.
printf '%s\n' '[09:02] sam.k: anyone know if priya is in today?' \
        '<jun> faisal was running migrations, ask olu.adebayo' \
        'caller: it'"'"'s bilal mahmood b i l a l' \
        'agent: thanks bilal, is mr okonjo with you?' \
        '[10:02] Cliente: hola soy marta lópez, en qué puedo' \
        '[10:03] Cliente: calle de la princesa 31, madrid' \
        '[11:40] Tolu: coming from brixton now, she is at the james cook' \
        '<deepa> will grace mark the rose dawn' \
        'we asked priya and bogdan in the meeting' \
        'note: bogdan approved it' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "[09:02] sam.k: anyone know if [PERSON] is in today?
<jun> [PERSON] was running migrations, ask olu.adebayo
caller: it's [PERSON] b i l a l
agent: thanks [PERSON], is mr [PERSON] with you?
[10:02] Cliente: hola soy [PERSON], en qué puedo
[10:03] Cliente: calle de la princesa 31, madrid
[11:40] [PERSON]: coming from brixton now, she is at the james cook
<deepa> will grace mark the rose dawn
we asked priya and bogdan in the meeting
note: bogdan approved it" "chat messages: names in small letters, and what is none"

# a wide CSV: each cell's column is read on from the last cell's, the header's label on
# from the last label's (a line's every cell read its whole line and header again: 0.7 MB/s
# at 1,024 cells); quoted cells with the separator inside do not count
$PY -c "
hdr = ','.join('c%d' % i for i in range(250)) + ',surname,city'
row = ','.join('\"v,%d\"' % i if i % 7 == 0 else 'US' if i % 5 == 1 else 'X%d' % i for i in range(250)) + ',Baker,Reading'
print(hdr); print(row); print(row.replace('Baker', 'Nowak'))" > "$T/wide.csv"
out=$("$AKIOS" protect redact "$T/wide.csv" | sed -n '2,3s/.*,X249,//p')
is "$out" "[PERSON],[LOCATION]
[PERSON],[LOCATION]" "a CSV of 252 columns: the last two cells under their header's labels"

# attack 10's other general misses: "Last, First" alone in a directory's column, a given
# name before "and" and a couple's given name and surname, credentials after a name (MRCVS);
# not places, identifiers, ordinary words, a sentence's "However, Grant", a foundation
printf '%s\n' 'Dlamini, Thandeka           Senior Housing Officer' 'Smith, John' \
        'Novak, Rose | Complaints' 'Paris, Texas' 'Reading, Berkshire' 'CloseFont, CloseFont' \
        'Note, Important' 'However, Grant said no.' \
        'We say goodbye to Grant and Hope Ellison today.' 'Vet: Tomás Ó Riordáin MRCVS' \
        'Bill and Melinda Gates Foundation' 'Will and Grace' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "[PERSON]           Senior Housing Officer
[PERSON]
[PERSON] | Complaints
[LOCATION], [LOCATION]
Reading, [LOCATION]
CloseFont, CloseFont
Note, Important
However, Grant said no.
We say goodbye to [PERSON] and [PERSON] today.
Vet: [PERSON] MRCVS
Bill and Melinda Gates Foundation
Will and Grace" "directory rows, couples, credentials; and what is none"

# a credential after a state's code is no state ("P. Kulkarni, PA-C"), an initial first is a
# clinician ("J. Reyes, MD"); a year in a sentence is no postcode ("of 2022 Laura arranged",
# "Copyright 1992 Eric Backus"), a real one is ("8001 Zürich")
printf '%s\n' 'Electronically signed: P. Kulkarni, PA-C  05/20/2024' 'Cosigned: J. Reyes, MD' \
        'She lives in Austin, TX 78701.' 'in the winter of 2022 Laura arranged access.' \
        'Schillerstrasse 5, 8001 Zürich' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Electronically signed: [PERSON], PA-C  05/20/2024
Cosigned: [PERSON], MD
She lives in [LOCATION], [LOCATION] [US_ZIP_CODE].
in the winter of 2022 [PERSON] arranged access.
[STREET_ADDRESS], 8001 [LOCATION]" "a credential is no state, a year no postcode"

# German and Polish words that start a sentence or a letter in capitals are no names (attack
# 10's "Mein Rechtsanwalt", "Viele Grüße", "Szanowna Pani", "1. Juli"); surnames that are
# such words elsewhere stay names ("Pan", "Meinen")
printf '%s\n' 'Mein Rechtsanwalt, Herr Dr. Florian Aschenbrenner, ist informiert.' 'Viele Grüße' \
        'Szanowna Pani' 'Małgorzata Dąbrowska' 'zum 1. Juli. Sollte der Mangel bleiben' \
        'Copyright (c) 2003 Wei-Cheng Pan and Tino Meinen' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Mein Rechtsanwalt, Herr Dr. [PERSON], ist informiert.
Viele Grüße
Szanowna Pani
[PERSON]
zum 1. Juli. Sollte der Mangel bleiben
Copyright (c) 2003 [PERSON] and [PERSON]" "German and Polish sentence and letter words are no names"

# a text table: cells padded to their column's width, a rule under the header (attack 11: a
# roster of 60 names under "Surname | First name", 44 missed)
printf '%s\n' 'No  | Surname       | First name | Town' '------------------------------------------' \
        '1   | Nikolaou      | Dimitris   | Sydney' '2   | Vogel         | Hans       | Reading' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "No  | Surname       | First name | Town
------------------------------------------
1   | [PERSON]      | [PERSON]   | [LOCATION]
2   | [PERSON]         | [PERSON]       | [LOCATION]" "a padded text table under a rule: each cell under its header's label"

# more chat shapes (attack 11: 28 names in small letters in SMS and chat exports): a day and
# a time, a speaker in small letters before ": " and a sentence, or before a time; the
# speaker is a name too. Not a key's value, not a word that is no given name.
printf '%s\n' 'Mon 18:02  hey its jamal, got ur number from becky.' \
        'sara: hej! kommer du på fikat hos johan ikväll?' \
        'grant 3:20 PM  yep, send me your orders. amber already asked' \
        'grace: 30s' 'max: 10' 'note: bogdan approved it' 'server 3:14 PM  restarted by bogdan' \
        > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Mon 18:02  hey its [PERSON], got ur number from [PERSON].
[PERSON]: hej! kommer du på fikat hos [PERSON] ikväll?
[PERSON] 3:20 PM  yep, send me your orders. amber already asked
grace: 30s
max: 10
note: bogdan approved it
server 3:14 PM  restarted by bogdan" "chat exports and SMS: day and time, speakers in small letters"

# Indian honorifics are titles (attack 11: "Smt. Sunita & Shri ..."); "Sri Lanka" stays a place
printf '%s\n' 'Smt. Sunita & Shri Rajendra Prasad Agarwal' 'Sri Lanka is an island.' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Smt. [PERSON] & Shri [PERSON]
[LOCATION] is an island." "Smt., Shri: titles; Sri Lanka a place"

# a Canadian province's code goes with its town before a postal code (attack 11: "Toronto, ON
# M5C 1S5" left ON out), as a US state's does before a ZIP code
printf '%s\n' '120 Adelaide St W, Toronto, ON M5C 1S5' 'Austin, TX 78701' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "[STREET_ADDRESS], [LOCATION], [LOCATION] [CA_POSTAL_CODE]
[LOCATION], [LOCATION] [US_ZIP_CODE]" "Town, PR A1A 1A1: the town and its province"

# a weak title before one surname of the lexicon that is no ordinary word (attack 11: "filed
# by Officer Ramirez"); not a weak title that is a given name too ("Don Cohen" stays whole)
printf '%s\n' 'The report was filed by Officer Ramirez on Monday.' 'Copyright: 2002, Don Cohen' \
        'Coach Class tickets' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "The report was filed by Officer [PERSON] on Monday.
Copyright: 2002, [PERSON]
Coach Class tickets" "Officer + surname; Don + surname whole"

# a mail header's label that is a given name too is no person before its colon (attack 10:
# "Von:" was taken by the tagger); the same word as a speaker's given name stays one
printf '%s\n' 'Von: Anna Schmidt <anna.schmidt@example.de>' 'De: Juan Pérez' 'Para: Ana Gómez' \
        'Von Miller: touchdown' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" "Von: [PERSON] <[EMAIL_ADDRESS]>
De: [PERSON]
Para: [PERSON]
[PERSON]: touchdown" "mail labels Von, De and Para before their colon are no names"

# a state's code of Australia or Brazil under a place's label (attack 11: "region": "VIC");
# a code under another label is none
printf '%s\n' '{"city": "Melbourne", "region": "VIC"}' 'Estado: RJ' 'UF: SP' 'state: WA' \
        'Type: ACT' 'Region: EMEA' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" '{"city": "[LOCATION]", "region": "[LOCATION]"}
Estado: [LOCATION]
UF: [LOCATION]
state: [LOCATION]
Type: ACT
Region: EMEA' "Australian and Brazilian state codes under a place's label"

# a court's list in capitals: each side of VS is its own run, and a party that is a person's
# name is one (attack 12); firms, councils and codes on either side are not
printf '%s\n' '1. HCCOMM E112 OF 2023   KCB BANK KENYA LTD VS JOSEPH KAMAU NJENGA' \
        'SAFARICOM PLC VS PETER MWANGI KARIUKI' 'CHEBET ROTICH VS NAIROBI CITY COUNTY' \
        'KCB VS NHIF' 'DATA VS INFORMATION' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" '1. HCCOMM E112 OF 2023   KCB BANK KENYA LTD VS [PERSON]
SAFARICOM PLC VS [PERSON]
[PERSON] VS [LOCATION] CITY COUNTY
KCB VS NHIF
DATA VS INFORMATION' "parties in capitals beside VS"

# firms named after people (attack 12): well-known ones by name, a surname before "& Company"
# or "&amp; Partners", a surname before a trade ("Andersen Freight"); a person whose name is
# also a shop's stays one ("John Lewis")
printf '%s\n' 'Morgan Stanley is running the sale for the Wells Fargo unit.' \
        'adjuster:   Nicola Strachan, Crawford & Company' 'Harriet Lowe, Lowe &amp; Partners' \
        'Laura Nwosu, Andersen Freight' 'I met John Lewis.' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" 'Morgan Stanley is running the sale for the Wells Fargo unit.
adjuster:   [PERSON], Crawford & Company
[PERSON], Lowe &amp; Partners
[PERSON], Andersen Freight
I met [PERSON].' "firms named after people are no persons"

# attack 12: a chat's speaker in small letters after a time stamp (the line stays a chat's
# when the speaker is no name), a reference list's "Surname, I.", medical degrees after a name
printf '%s\n' '[09:03] tomasz: looking' '[09:06] server: restarted' \
        '[1] Nakamura, H., Okafor, C. E., & Lindqvist, M. (2021). Low-resource' \
        'Washington, D.C., USA' 'However, I. disagree' 'Priya Venkataraman MBBS MRCGP' \
        > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" '[09:03] [PERSON]: looking
[09:06] server: restarted
[1] [PERSON], [PERSON], & [PERSON] (2021). Low-resource
[LOCATION], D.C., [LOCATION]
However, I. disagree
[PERSON] MBBS MRCGP' "stamped chat speakers, reference authors, medical degrees"

# a letter's place and date at a line's start, and a month of any language between a day and
# a year (attack 12: "Ankara, 7 Kasım 2023" gave Kasım as a person and no place)
printf '%s\n' 'Ankara, 7 Kasım 2023' 'Porto, 30 de outubro de 2023' \
        'Sundsvall den 20 mars 2024' 'am 3. Mai 2024' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" '[LOCATION], 7 Kasım 2023
[LOCATION], 30 de outubro de 2023
[LOCATION] den 20 mars 2024
am 3. Mai 2024' "a dateline's place; a month between a day and a year"

# initials glued together before a surname, not abbreviations or firms' forms; a court's
# titles in capitals; a place that is also a word under a place's label in capitals; the
# second of two persons joined by '&' (issue 11: "Mr D.R. Okonjo", "HIS HONOUR JUDGE
# HARTLEY", "Country: JAPAN" and "Gareth Pritchard & Eleri Pritchard" were missed)
printf '%s\n' 'I met Mr D.R. Okonjo and Dr J.R.R. Tolkien.' 'Copyright 1993 C.W. Sandmann' \
        'The U.S. Steel plant. P.S. Mastercard is fine.' 'Supplier: Philips N.V. of Eindhoven' \
        'Before HIS HONOUR JUDGE HARTLEY and LORD JUSTICE BRENNAN' 'Country: JAPAN' \
        'Name: JAPAN' 'Gareth Pritchard & Eleri Pritchard signed.' 'Marks & Spencer' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" 'I met Mr [PERSON] and Dr [PERSON].
Copyright 1993 [PERSON]
The U.S. Steel plant. P.S. Mastercard is fine.
Supplier: Philips N.V. of [LOCATION]
Before HIS HONOUR JUDGE [PERSON] and LORD JUSTICE [PERSON]
Country: [LOCATION]
Name: JAPAN
[PERSON] & [PERSON] signed.
Marks & Spencer' "glued initials, court titles in capitals, a place label's word, names joined by &"

# a text table's columns aligned with spaces: a cell under its header's column (attack 12:
# a class list of 44 names was missed; '|' tables and CSV were handled); a table of things
# and prose with two spaces after its stops stay as they are
cat > "$T/x.txt" <<'EOF'
Class 4B register

No  Surname       First name   Class
1   Okafor        Chidi        4B
2   Lindqvist     Astrid       4B
------------------------------------
3   Brennan       Siobhán      4C

Item          Dept      Qty
Widget        Stores    4
Mountain Bike Sales     1

Rain fell.  Summer  came late.
EOF
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" 'Class 4B register

No  Surname       First name   Class
1   [PERSON]        [PERSON]        4B
2   [PERSON]     [PERSON]       4B
------------------------------------
3   [PERSON]       [PERSON]      4C

Item          Dept      Qty
Widget        Stores    4
Mountain Bike Sales     1

Rain fell.  Summer  came late.' "a text table's cells under a person's column"

# a surname in capitals before the given names (passports, registers, East Asian order),
# and MSTR as a title (attack 12: "SUZUKI Takeshi", "MSTR ARMAN HOSSEINI" were missed);
# acronyms before a word stay
printf '%s\n' 'SUZUKI Takeshi and TANAKA Yuki attended.' 'Nom: MARTIN Sophie' \
        'MSTR ARMAN HOSSEINI' 'NASA Goddard, USA Today, IBM Research and HTTP Request' \
        > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" '[PERSON] and [PERSON] attended.
Nom: [PERSON]
MSTR [PERSON]
NASA Goddard, USA Today, IBM Research and HTTP Request' "a surname in capitals first; MSTR"

# a verb for a person capitalised at a sentence's start before a given name ("Ask Priya"),
# and an age after a name ("Jackson, 12 years old" was a LOCATION in attack 12)
printf '%s\n' 'Ask Priya to call me. Thanks Priya! Contact Support now.' \
        'Jackson, 12 years old, was seen.' 'Mia Holt, aged 7, and Tom Reed (34), of Leeds.' \
        'Section (3) applies. Germany, 80 years on.' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" 'Ask [PERSON] to call me. Thanks [PERSON]! Contact Support now.
[PERSON], 12 years old, was seen.
[PERSON], aged 7, and [PERSON] (34), of [LOCATION].
Section (3) applies. [LOCATION], 80 years on.' "a verb before a given name; an age after a name"

# a list under a person's label is no "Last, First": each item its own ("Present: Priya,
# Alex, Jordan" lost Priya, joined to Alex and then dropped for the overlap)
printf '%s\n' 'Present: Priya, Alex, Jordan' 'Attendees: Sam, Alex and Priya' \
        'Name: Smith, John' > "$T/x.txt"
out=$("$AKIOS" protect redact "$T/x.txt")
is "$out" 'Present: [PERSON], [PERSON]
Attendees: [PERSON], [PERSON] and [PERSON]
Name: [PERSON]' "a list of given names under a person's label"

# a header cell with a note in parentheses (attack 13's class list: "Forename(s)")
printf '%s\n' 'No  Surname     Forename(s)   House' '--  ----------  ------------  -----' \
        ' 1  Abubakar    Zainab        Oak' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" 'No  Surname     Forename(s)   House
--  ----------  ------------  -----
 1  [PERSON]    [PERSON]        Oak' "a text table's header cell with parentheses"

# a given name beside the speaker is a person's, though a place's too ("Paris and I")
printf '%s\n' 'It was Oskar and me. Paris and I have history. France and I. Oxford and Imperial.' \
        > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" \
        'It was [PERSON] and me. [PERSON] and I have history. [LOCATION] and I. Oxford and Imperial.' \
        "a given name before \"and I\" or \"and me\""

# an acronym before a title: "GP Dr Susan Clarke" gave nothing
printf '%s\n' 'Referral: 67-year-old male, GP Dr Susan Clarke.' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" 'Referral: 67-year-old male, GP Dr [PERSON].' \
        "an acronym before a title"

# the log cuts skip a User-Agent's comment and a level or method in capitals, and nothing
# beside them: a name after INFO or GET, in a comment with no product before it, in one
# that starts in small letters
printf '%s\n' 'INFO Maria Lopez logged in agent="Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15)" GET' \
        'Reviewed (Maria Lopez; editor) and GET Daniel Whitehorse a copy' \
        'curl/8.1 (x86_64-pc-linux-gnu; Priya Natarajan) said hi' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" \
        'INFO [PERSON] logged in agent="Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15)" GET
Reviewed ([PERSON]; editor) and GET [PERSON] a copy
curl/8.1 (x86_64-pc-linux-gnu; [PERSON]) said hi' \
        "a User-Agent's comment and log levels hold no names; the names beside them are found"

# given names before a surname in capitals (court papers, registers): nothing was found;
# not a place, an acronym or an ordinary word in capitals, nor an id's label after a name
printf '%s\n' 'The claimant, Gianluca ESPOSITO, said. Tariq Mahmood JAVED was present.' \
        'We met Mary JONES and John SMITH. Anne-Marie DE LA CRUZ signed.' \
        'Paris FRANCE. Visit NASA. Mark ATTENTION please. Austin TEXAS.' \
        'Mr. Kevin Thomas PAN PBCFI6430P' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt" | sed 's/\[IN_PAN\]/ID/')" \
        'The claimant, [PERSON], said. [PERSON] was present.
We met [PERSON] and [PERSON]. [PERSON] signed.
Paris FRANCE. Visit NASA. Mark ATTENTION please. Austin TEXAS.
Mr. Kevin Thomas PAN ID' \
        "given names before a surname in capitals"

# a file's name before ':' is no label: a GNU ChangeLog's "* tree.cc: Fix ..." read as the
# mail header "Cc:", and its verbs became persons ("Fix", "Check", "Mark EOL")
printf '%s\n' '	* tree-pretty-print.cc: Mark EOL CLOBBERs.' '	* gimplify.cc: Fix the case.' \
        'Cc: Mark EOL' '1. Name: Priya Natarajan' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" \
        '	* tree-pretty-print.cc: Mark EOL CLOBBERs.
	* gimplify.cc: Fix the case.
Cc: [PERSON]
1. Name: [PERSON]' \
        "a file's name before ':' is no label"

# a court's titles in capitals: DISTRICT/CIRCUIT/DEPUTY JUDGE before the name, and the
# titles alone are no name ("HIS HONOUR JUDGE" gave the person JUDGE)
printf '%s\n' 'Before DISTRICT JUDGE PATEL and DEPUTY DISTRICT JUDGE OKAFOR' 'HIS HONOUR JUDGE' \
        'CHIEF JUSTICE MARSHALL' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" \
        'Before DISTRICT JUDGE [PERSON] and DEPUTY DISTRICT JUDGE [PERSON]
HIS HONOUR JUDGE
CHIEF JUSTICE [PERSON]' "a court's titles in capitals, and alone"

# a letter's dateline with a numeric date: the place was missed
printf '%s\n' 'Dortmund, 10.03.2025' 'Bordeaux, le 11/03/2025' 'Version, 1.2.3' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" '[LOCATION], 10.03.2025
[LOCATION], le 11/03/2025
Version, 1.2.3' "a dateline's place before a numeric date"

# a surname in capitals alone, after the name was found whole: "DOYLE stated" was missed;
# an acronym that a false name held is not taken ("Dfa Matcher ... DFA")
printf '%s\n' 'Mr Sean DOYLE gave evidence. Later DOYLE stated that. DOYLE agreed.' \
        'The NASA Goddard team. Later NASA said.' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" \
        'Mr [PERSON] gave evidence. Later [PERSON] stated that. [PERSON] agreed.
The NASA Goddard team. Later NASA said.' "a surname in capitals seen whole before"

# a nickname in quotes between the given name and the surname: only the given name was
# found, and the nickname and surname stayed ("Jonathan \"Duke\" Leto" in /usr/share/doc)
printf '%s\n' 'Valentina "Vale" Cardozo joined.' "Robert 'Bob' Smith came." \
        'Mary “Kiki” Mwangi said "Hello" Then.' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" '[PERSON] joined.
[PERSON] came.
[PERSON] said "Hello" Then.' "a nickname in quotes inside a name"

# labels of FHIR and Spanish forms, a JSON array's first item, German police ranks, and
# "the US": all were missed or were places ("Primer apellido: García" was a LOCATION)
printf '%s\n' '{"name": [{"family": "Okafor", "given": ["Chidi"]}]}' 'Primer apellido: García' \
        'KHK Müller vernahm den Zeugen.' 'He moved to the US in 2019. Let US go.' > "$T/x.txt"
is "$("$AKIOS" protect redact "$T/x.txt")" '{"name": [{"family": "[PERSON]", "given": ["[PERSON]"]}]}
Primer apellido: [PERSON]
KHK [PERSON] vernahm den Zeugen.
He moved to the [LOCATION] in 2019. Let US go.' "FHIR's given, Spanish name parts, KHK, the US"

# what the names detector finds does not depend on who runs it: the held-out corpus redacted
# as nobody (setpriv, from a file and from stdin) is byte for byte what root's run gives
# (tests/container/podman.sh does the same inside a container)
if [ "$(id -u)" -ne 0 ]; then
        skip "not root: the rootless comparison switches to nobody with setpriv"
elif ! command -v setpriv >/dev/null 2>&1; then
        skip "setpriv not installed"
else
        cp "$AKIOS" "$T/akios-nobody" && chmod 755 "$T/akios-nobody"
        # with the scripts without capitals too (names-intl.c), from the fuzz seeds
        cat "$T/c1.txt" "$AKIOS_SRC"/fuzz/corpus/pii/intl-scripts*.txt > "$T/c1x.txt"
        chmod 644 "$T/c1x.txt"
        "$AKIOS" protect redact "$T/c1x.txt" >"$T/c1.root"
        AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
        $AS "$T/akios-nobody" protect redact "$T/c1x.txt" >"$T/c1.user" 2>"$T/c1.err"
        is "$?" 0 "protect redact runs as nobody"
        $AS "$T/akios-nobody" protect redact - <"$T/c1x.txt" >"$T/c1.stdin" 2>>"$T/c1.err"
        is "$?" 0 "protect redact - runs as nobody"
        cmp -s "$T/c1.root" "$T/c1.user" && cmp -s "$T/c1.root" "$T/c1.stdin"
        is "$?" 0 "as nobody, from a file and from stdin, the redaction is root's byte for byte"
        like "$(cat "$T/c1.root")" '\[PERSON\].*' "the compared redaction holds names"
        like "$(cat "$T/c1.root")" '姓名：\[PERSON\]' "and a Chinese name after its label"
fi

done_testing
