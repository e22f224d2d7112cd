# Generates python-int.txt: what Python's int(str) takes, code point by code point (Python 3.11, Unicode 14.0).
#   digit <hex> <value>   a code point that int() reads as a decimal digit (int(chr(c)) == value)
#   space <hex>           a code point that int() skips around the digits (int(chr(c) + "5" + chr(c)) == 5)
#   limit <n>             sys.get_int_max_str_digits(): int() of a longer digit string raises ValueError
# LegacyTomlWriterTest checks LegacyTomlWriter.parsePythonInt against every line (and every other code point).
import sys, unicodedata

lines = ['# python %s, unicode %s' % (sys.version.split()[0], unicodedata.unidata_version)]
for c in range(0x110000):
    if 0xD800 <= c < 0xE000:
        continue
    try:
        lines.append('digit %x %d' % (c, int(chr(c))))
    except ValueError:
        pass
for c in range(0x110000):
    if 0xD800 <= c < 0xE000 or chr(c) == '5':
        continue
    try:
        if int(chr(c) + '5' + chr(c)) == 5:
            lines.append('space %x' % c)
    except ValueError:
        pass
lines.append('limit %d' % sys.get_int_max_str_digits())
with open('python-int.txt', 'w', encoding='ascii') as f:
    f.write('\n'.join(lines) + '\n')
