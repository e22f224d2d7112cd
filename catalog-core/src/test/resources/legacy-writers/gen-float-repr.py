# Generates float-repr.txt: "<64-bit pattern in hex> <Python repr(float)>" per line.
import struct, random, math, sys
random.seed(20261122)
vals = []
def add(x): vals.append(x)
def bits(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
# random bit patterns
for _ in range(2500):
    add(bits(random.getrandbits(64)))
# random doubles in "human" ranges
for _ in range(800):
    add(random.uniform(-1e6, 1e6))
for _ in range(400):
    add(round(random.uniform(0, 100), random.randint(0, 8)))
for _ in range(400):
    add(random.randint(1, 99999) * 10.0 ** random.randint(-30, 30))
# powers of two and their neighbours
for e in range(-1074, 1024):
    p = math.ldexp(1.0, e)
    add(p); add(-p)
    if e % 7 == 0:
        add(math.nextafter(p, math.inf)); add(math.nextafter(p, 0.0))
# powers of ten and neighbours
for e in range(-325, 309):
    try: x = float('1e%d' % e)
    except: continue
    add(x)
    if x not in (0.0, math.inf):
        add(math.nextafter(x, math.inf)); add(math.nextafter(x, 0.0))
# subnormals
for k in list(range(1, 200)) + [random.getrandbits(52) for _ in range(200)]:
    add(bits(k))
# boundaries and classics
specials = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
            1.7976931348623157e+308, -1.7976931348623157e+308, 0.1 + 0.2, 0.1, 0.2, 0.3, 1/3, 2/3,
            1e22, 1e23, 9007199254740993.0, 9007199254740992.0, 9007199254740991.0, 1e16, 1e15,
            9999999999999998.0, 9999999999999999.0, 999999999999999.9, 1e-4, 1e-5, 0.0001, 0.00001,
            0.00012345, 1.2345e-5, 123456789012345678.0, 1e21, 1e-7, 100.0, 1.0, -1.0, 0.5, 2.5e-05,
            4.35, 0.3e-3, 1.5e300, 2**-1022, 2**-1074 * 3, 5e-324 * 1000, math.pi, math.e, 1e308, 9.5, 95.0,
            1e-06, 123.456, 3e-08, 1.5e-06, 4.9e-324, 9.9e-324, 1e-323, 1.5e-323, 2e-323, 2.5e-323]
for x in specials: add(x)
add(math.inf); add(-math.inf); add(math.nan)
seen = set()
out = []
for x in vals:
    b = struct.unpack('<Q', struct.pack('<d', x))[0]
    if b in seen: continue
    seen.add(b)
    out.append('%016x %s' % (b, repr(x)))
sys.stdout.write('\n'.join(out) + '\n')
