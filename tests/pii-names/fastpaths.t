#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The fast paths of src/pii/names.c (issue 11, item 4) give what the plain code gave: the scan
# for capitals that skips 8 bytes at a time (a capital at every offset in the word, after
# non-ASCII bytes, in the last bytes of the input), the self-introduction phrases compared in
# place (a Latin-1 capital as the phrase's last letter, a phrase glued to a longer word), and
# street types found by their last byte. Each line is redacted alone and compared whole.
. "$AKIOS_SRC/tests/lib.sh"

red() { # TEXT: the redacted text, names on
        printf '%s' "$1" > "$T/in.txt"
        AKIOS_PII_DETECT_NAMES=true "$AKIOS" protect redact "$T/in.txt"
}

# a capital at each offset of an 8-byte word, and a title before it
pad=""
for k in 0 1 2 3 4 5 6 7 8 9; do
        is "$(red "${pad}x Dr. Anna Schmidt")" "${pad}x Dr. [PERSON]" "a capital $((k + 2)) bytes in"
        pad="${pad}x"
done
is "$(red "au café avec Mme Élodie Marchand")" "au café avec Mme [PERSON]" \
        "capitals after non-ASCII bytes, one of them non-ASCII itself"
is "$(red "thanks, Dr. Jo Li")" "thanks, Dr. [PERSON]" "a name in the last 8 bytes of the input"
is "$(red "Wir wohnen im Rosenweg 12 in Köln.")" "Wir wohnen im [STREET_ADDRESS] in [LOCATION]." \
        "a street type at the end of a word (Rosenweg)"
is "$(red "Büro: Hauptstraße 5, 10115 Berlin")" "Büro: [STREET_ADDRESS], 10115 [LOCATION]" \
        "a street type with a non-ASCII letter (Hauptstraße)"

# self-introductions: the phrase before an otherwise unknown word
is "$(red "Hola, aqux Zorblat.")" "Hola, aqux Zorblat." "no phrase: the word stays"
is "$(red "Hola, aquí Zorblat.")" "Hola, aquí [PERSON]." "'aquí' introduces"
is "$(red "Hola, aquÍ Zorblat.")" "Hola, aquÍ [PERSON]." "'aquÍ' (a capital Í, lower-cased) introduces"
is "$(red "yes, my name is Zorblat.")" "yes, my name is [PERSON]." "'my name is' introduces"
is "$(red "yes, their name is Zorblat.")" "yes, their name is [PERSON]." "'name is' after a space introduces"
is "$(red "yes, nickname is Zorblat.")" "yes, nickname is Zorblat." \
        "'name is' glued to a longer word does not"
is "$(red "Je m’appelle Thérèse Dubois.")" "Je m’appelle [PERSON]." "a phrase with U+2019 introduces"
is "$(red "Okay. named Zorblat")" "Okay. named [PERSON]" "'named' at a clause start introduces"
done_testing
