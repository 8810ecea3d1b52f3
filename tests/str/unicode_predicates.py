# str predicates follow CPython's Unicode definitions for every code point: isalpha is
# general category L* (not the Alphabetic property: no combining marks, no circled letters),
# isupper/islower the Uppercase/Lowercase properties (titlecase letters are neither),
# isidentifier XID_Start/XID_Continue (letter numbers like 'Ⅷ' included).
words = ['一', '七', 'कि', 'क', '\u093f', 'שָׁלוֹם', 'ש', 'Ⓐ', 'ⓐ', 'ǅ', 'ᾈ', 'ᾀ', 'ΐ', 'ß', 'ʰ', 'ª', 'Ⅷ', 'ⅷ',
         '〇', '١٢٣', '²', '½', '𝟘', '\u00a0', '\u2028', '\x1c', '\u200b', 'ﬁ', 'İ', 'ǈa', 'Ǉ', 'ǉ', '\u0345',
         'ᴬ', 'ℌ', 'Ⅰⅱ', 'ǅungla', 'Σσ', 'ᾼ', '𐐀', '𐐨', '🄰', 'ⓩⓩ', 'Aⓩ', '_', '_Ⅷ', 'Ⅷ1', '℘', '℮', '·',
         'a·', '\u0300', 'a\u0300', '𝔘𝔫', '\ufeff', 'ꓸ', '\U000e0100']
preds = ['isalpha', 'isalnum', 'isidentifier', 'isupper', 'islower', 'istitle', 'isdecimal',
         'isdigit', 'isnumeric', 'isspace', 'isprintable']
for w in words:
    print(repr(w), ' '.join(p[2:] for p in preds if getattr(w, p)()))

# Where each predicate holds over a few blocks (Latin, Greek, Cyrillic, Devanagari, Thai,
# Georgian, Greek Extended, letterlike symbols and number forms, enclosed alphanumerics).
for name in preds + ['upper_in_word']:
    spans = []
    for lo, hi in [(0x80, 0x600), (0x900, 0x980), (0xe00, 0xe80), (0x10a0, 0x1100), (0x1f00, 0x2000),
                   (0x2100, 0x2190), (0x2460, 0x2500), (0xa640, 0xa6a0)]:
        start = None
        for cp in range(lo, hi + 1):
            c = chr(cp)
            v = cp < hi and (('A' + c).isupper() if name == 'upper_in_word' else getattr(c, name)())
            if v and start is None:
                start = cp
            elif not v and start is not None:
                spans.append('%x-%x' % (start, cp - 1) if cp - 1 > start else '%x' % start)
                start = None
    print(name, len(spans), ' '.join(spans))
