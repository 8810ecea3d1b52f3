# A method chain over several lines: the error is reported on the line of the attribute.
text = "a b"
words = (text
         .upper()
         .split()
         .nope())
