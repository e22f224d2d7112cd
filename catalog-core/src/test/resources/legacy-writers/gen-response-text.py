# Generates response-text/<case>.body (a response body), response-text/<case>.out.json (json.dumps(value,
# indent=2) of what the legacy tool's HTTP client made of it) or nothing when it failed, and
# response-text/cases.txt ("case|Content-Type|ok or error: <exception>"). The legacy tool called httpx's
# Response.json(): it decodes the body (charset parameter, else a guess from a byte-order mark or the NUL
# pattern, else UTF-8 with replacement) before json.loads. Needs Debian's python3-httpx (0.23, the legacy
# script's); run from this folder with /usr/bin/python3.
import json, os, httpx

doc = '{"data": [{"id": "caf\u00e9-\U0001f600", "n": 1}]}'
cases = [
    ('utf8-plain', None, doc.encode('utf-8')),
    ('utf8-bom', None, b'\xef\xbb\xbf' + doc.encode('utf-8')),
    ('utf8-bom-with-charset', 'utf-8', b'\xef\xbb\xbf' + doc.encode('utf-8')),
    ('utf16-le-bom', None, doc.encode('utf-16-le') and b'\xff\xfe' + doc.encode('utf-16-le')),
    ('utf16-be-bom', None, b'\xfe\xff' + doc.encode('utf-16-be')),
    ('utf16-le', None, doc.encode('utf-16-le')),
    ('utf16-be', None, doc.encode('utf-16-be')),
    ('utf32-le-bom', None, b'\xff\xfe\x00\x00' + doc.encode('utf-32-le')),
    ('utf32-be-bom', None, b'\x00\x00\xfe\xff' + doc.encode('utf-32-be')),
    ('utf32-le', None, doc.encode('utf-32-le')),
    ('utf32-be', None, doc.encode('utf-32-be')),
    ('utf16-lone-surrogate', None, b'[\x00"\x00\x00\xd8"\x00]\x00'),
    ('overlong', None, b'["x\xc0\x80y"]'),
    ('overlong-with-charset', 'utf-8', b'["x\xc0\x80y"]'),
    ('encoded-surrogate', None, b'["x\xed\xa0\x80y"]'),
    ('encoded-surrogate-with-charset', 'utf-8', b'["x\xed\xa0\x80y"]'),
    ('above-max', None, b'["x\xf4\x90\x80\x80y"]'),
    ('above-max-with-charset', 'UTF-8', b'["x\xf4\x90\x80\x80y"]'),
    ('cut-sequence', None, b'["x\xe2\x82"]'),
    ('cut-sequence-with-charset', '"utf-8"', b'["x\xe2\x82"]'),
    ('lone-continuation-with-charset', 'utf-8', b'["\x80\xbf\xf0\x80\x80"]'),
    ('ff-with-charset', 'utf-8', b'["\xff\xfe\xf8\x88\x80\x80\x80"]'),
    ('three-bytes-invalid', None, b'"\xff"'),
    ('three-bytes-valid', None, b'[1]'),
    ('nul-after', None, b'[1]\x00'),
    ('nul-first', None, b'\x00[1]'),
    ('latin1-charset', 'iso-8859-1', '["caf\u00e9"]'.encode('utf-8')),
    ('unknown-charset', 'no-such-charset', '["caf\u00e9"]'.encode('utf-8')),
    ('bom-only-three-bytes', None, b'\xef\xbb\xbf'),
]
os.makedirs('response-text', exist_ok=True)
index = []
for name, charset, body in cases:
    ct = 'application/json' + ('; charset=' + charset if charset else '')
    with open('response-text/%s.body' % name, 'wb') as f:
        f.write(body)
    out = 'response-text/%s.out.json' % name
    try:
        value = httpx.Response(200, content=body, headers={'Content-Type': ct}).json()
        with open(out, 'w', encoding='utf-8') as f:
            json.dump(value, f, indent=2)
        index.append('%s|%s|ok' % (name, ct))
    except Exception as e:
        if os.path.exists(out):
            os.remove(out)
        index.append('%s|%s|error: %s' % (name, ct, type(e).__name__))
with open('response-text/cases.txt', 'w', encoding='utf-8') as f:
    f.write('\n'.join(index) + '\n')
