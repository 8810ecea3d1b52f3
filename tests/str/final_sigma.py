# Greek capital sigma lowercases to final 'ς' after a cased letter (case-ignorable characters
# such as apostrophes and combining marks between) when no cased letter follows: in lower(),
# capitalize(), title() and swapcase(); casefold() has no such rule.
words = ['ΟΔΥΣΣΕΥΣ', 'ΣΑΣ', 'Σ', 'ΑΣ', 'ΣΑ', 'ΑΣ ΣΑ', 'ΑΣ.', 'ΑΣ1', "Α'Σ", "ΑΣ'", "ΑΣ'Α", 'Α\u0301Σ',
         'ΑΣ\u0301', 'ΑΣ\u0301Β', 'aΣ', 'ΑΣΣ', '1Σ', ' Σ', 'ΑΣ-ΒΣ', 'ΑΣ_', 'ʰΣ', 'ΑʰΣ', 'ΑΣʰ', 'ǅΣ',
         'ΑΣ\U0001d400', 'Ǟ\u00adΣ', 'ΑΣ\u00ad']
for w in words:
    print(repr(w), repr(w.lower()), repr(w.capitalize()), repr(w.title()), repr(w.swapcase()),
          repr(w.casefold()))
print('ΟΔΥΣΣΕΥΣ'.lower(), 'ΣΑΣ'.lower(), 'ΣΑΣ ΣΑΣ'.title(), 'σας'.upper())
