# Generates toml/<case>.in.json (a provider body), toml/<case>.out.txt and toml/<case>.out.toml: the legacy
# txt and toml files for it, and toml/cases.txt ("case|provider|base_url|env_key or -").
# Python has no tomli_w here, so its formatting (format_string, format_key_part, gen_table_chunks) is
# re-created below; `python3 gen-toml-cases.py --check <corpus>` first proves the emulation against the
# legacy corpus (bak/models_<p>.toml, chutes excepted). Truthiness and int() are Python's own.
import csv, json, os, sys, string

BARE = set(string.ascii_letters + string.digits + '-_')
CTRL = {chr(i) for i in range(32)} | {chr(127)}
ILLEGAL = frozenset('"\\') | (CTRL - {'\t'})
COMPACT = {'\u0008': '\\b', '\u000a': '\\n', '\u000c': '\\f', '\u000d': '\\r', '\u0022': '\\"', '\u005c': '\\\\'}

def format_string(s):
    out = '"'
    for ch in s:
        if ch in ILLEGAL:
            out += COMPACT.get(ch) or '\\u' + hex(ord(ch))[2:].rjust(4, '0')
        else:
            out += ch
    return out + '"'

def key(k):
    return k if k and BARE.issuperset(k) else format_string(k)

def literal(v):
    if isinstance(v, bool): return 'true' if v else 'false'
    if isinstance(v, int): return str(v)
    return format_string(v)

def gen_table(table, name):
    lits = [(k, v) for k, v in table.items() if not isinstance(v, dict)]
    tabs = [(k, v) for k, v in table.items() if isinstance(v, dict)]
    yielded = False
    if name and (lits or not tabs):
        yielded = True
        yield '[%s]\n' % name
    for k, v in lits:
        yielded = True
        yield '%s = %s\n' % (key(k), literal(v))
    for k, v in tabs:
        if yielded: yield '\n'
        else: yielded = True
        yield from gen_table(v, '%s.%s' % (name, key(k)) if name else key(k))

def dumps(d):
    return ''.join(gen_table(d, ''))

def profile_name(provider, mid):
    s = mid.replace('/', '_').replace('-', '_').replace('.', '_')
    s = ''.join(c for c in s if c.isascii() and (c.isalnum() or c == '_')).lower()[:20]
    return provider[:3] + '_' + s

def sort_key(m):
    return (m.get('id') or '') if isinstance(m, dict) else ''

def models_of(doc):
    """(sorted document, txt ids, details by id)"""
    if isinstance(doc, dict) and isinstance(doc.get('data'), list):
        doc = dict(doc); doc['data'] = sorted(doc['data'], key=sort_key); arr = doc['data']
    elif isinstance(doc, list):
        doc = sorted(doc, key=sort_key); arr = doc
    elif isinstance(doc, dict):
        doc = {k: doc[k] for k in sorted(doc)}
        ids = [k for k in doc if k != 'sample_spec']
        return doc, ids, {k: doc[k] for k in ids}
    else:
        return doc, [], {}
    ids, details = [], {}
    for m in arr:
        mid = m.get('id') if isinstance(m, dict) else None
        if isinstance(mid, str) and mid:
            ids.append(mid); details.setdefault(mid, m)
    return doc, ids, details

def legacy_int(m, fields, top_field):
    if not isinstance(m, dict): return None
    v = None
    for f in fields:
        if m.get(f):
            v = m.get(f); break
    if 'top_provider' in m:
        tp = m['top_provider']
        v = tp.get(top_field) if isinstance(tp, dict) else None
    if v and isinstance(v, (int, str)):  # falsy values are dropped; bool is an int
        try: return int(v)
        except ValueError: return None
    return None

def toml_for(provider, base_url, env_key, ids, details):
    mp = {'base_url': base_url, 'name': provider, 'wire_api': 'chat'}
    if env_key: mp['env_key'] = env_key
    profiles = {}
    for mid in ids:
        m = details.get(mid)
        p = {'approval_policy': 'never', 'model': mid, 'model_provider': provider, 'model_reasoning_effort': 'high'}
        ctx = legacy_int(m, ['context_length', 'context_window', 'max_context_length', 'max_tokens', 'max_model_len'], 'context_length')
        if ctx is not None: p['model_context_window'] = ctx
        mo = legacy_int(m, ['max_completion_tokens', 'max_output_tokens', 'max_tokens_output'], 'max_completion_tokens')
        if mo is not None: p['model_max_output_tokens'] = mo
        profiles[profile_name(provider, mid)] = p
    return dumps({'model_providers': {provider: mp}, 'profiles': profiles})

def config_base_url(kind, url):
    u = url if kind == 'url' else url.rstrip('/') + '/models'
    if u.endswith('/models'): u = u[:-len('/models')]
    return u.rstrip('/')

if len(sys.argv) > 2 and sys.argv[1] == '--check':
    corpus = sys.argv[2]
    rows = {r['name']: r for r in csv.DictReader(open(os.path.join(corpus, 'providers.csv')))}
    bad = 0
    for f in sorted(os.listdir(os.path.join(corpus, 'responses'))):
        p = f[:-5]
        if p.startswith('_') or p == 'chutes': continue
        r = rows[p]
        doc, ids, details = models_of(json.load(open(os.path.join(corpus, 'responses', f), encoding='utf-8')))
        got = toml_for(p, config_base_url(r['kind'], r['default_url']), r['api_key_env'] or None, ids, details).encode('utf-8')
        want = open(os.path.join(corpus, 'bak', 'models_%s.toml' % p), 'rb').read()
        txt = '\n'.join(ids).encode('utf-8')
        if got != want or txt != open(os.path.join(corpus, 'bak', 'models_%s.txt' % p), 'rb').read():
            bad += 1; print('MISMATCH', p)
    print('checked, mismatches:', bad)
    sys.exit(1 if bad else 0)

CASES = [
  # name, provider, base_url, env_key, body
  ('context-rules', 'prov', 'https://example.test/v1', 'PROV_KEY', {'data': [
    {'id': 'c01-int', 'context_length': 4096, 'max_completion_tokens': 512},
    {'id': 'c02-zero-falls-through', 'context_length': 0, 'context_window': 8192, 'max_completion_tokens': 0, 'max_output_tokens': 77},
    {'id': 'c03-falsy-values', 'context_length': None, 'context_window': '', 'max_context_length': [], 'max_tokens': {}, 'max_model_len': 1000,
     'max_completion_tokens': False, 'max_output_tokens': 0.0, 'max_tokens_output': 9},
    {'id': 'c04-string-ints', 'context_length': '  42 ', 'max_completion_tokens': '1_000'},
    {'id': 'c05-string-zero-and-sign', 'context_length': '0', 'max_completion_tokens': '+5'},
    {'id': 'c06-string-negative', 'context_length': '-7', 'max_output_tokens': '\t\n 0012\r'},
    {'id': 'c07-string-rejected', 'context_length': '1__0', 'context_window': 100, 'max_completion_tokens': '1.5', 'max_output_tokens': 5},
    {'id': 'c08-string-rejected-more', 'context_length': '_1', 'max_completion_tokens': '1_'},
    {'id': 'c09-string-words', 'context_length': 'abc', 'max_completion_tokens': '0x10'},
    {'id': 'c10-unicode-digits-spaces', 'context_length': '\u0664\u0662', 'max_completion_tokens': '\u00a0\u2003 64\u3000'},
    {'id': 'c11-ascii-unit-separator', 'context_length': '\x1f5', 'max_completion_tokens': '- 5'},
    {'id': 'c12-double-stops-search', 'context_length': 1.5, 'context_window': 100, 'max_completion_tokens': 2048.0, 'max_output_tokens': 3},
    {'id': 'c13-array-object-stop', 'context_length': [1], 'context_window': 100, 'max_completion_tokens': {'a': 1}, 'max_output_tokens': 3},
    {'id': 'c14-true', 'context_length': True, 'max_completion_tokens': True},
    {'id': 'c15-big-and-negative', 'context_length': 123456789012345678901234567890, 'max_completion_tokens': -5},
    {'id': 'c16-nothing'},
    {'id': 'c17-top-provider', 'context_length': 100, 'max_completion_tokens': 10, 'top_provider': {'context_length': 200, 'max_completion_tokens': 20}},
    {'id': 'c18-top-provider-nulls', 'context_length': 100, 'max_completion_tokens': 10, 'top_provider': {'context_length': None, 'max_completion_tokens': None}},
    {'id': 'c19-top-provider-missing-fields', 'context_length': 100, 'max_completion_tokens': 10, 'top_provider': {}},
    {'id': 'c20-top-provider-null', 'context_length': 100, 'max_completion_tokens': 10, 'top_provider': None},
    {'id': 'c21-top-provider-zero-false', 'context_length': 100, 'max_completion_tokens': 10, 'top_provider': {'context_length': 0, 'max_completion_tokens': False}},
    {'id': 'c22-top-provider-strings', 'top_provider': {'context_length': ' 12 ', 'max_completion_tokens': '3.0'}},
    {'id': 'c23-top-provider-double', 'context_length': 100, 'top_provider': {'context_length': 64000.0, 'max_completion_tokens': 7}},
    {'id': 'c24-later-fields', 'max_tokens': 300, 'max_model_len': 400, 'max_tokens_output': 50},
    {'id': 'c25-max-model-len', 'max_model_len': '65536'},
    {'id': 'c26-nan-truthy-dropped', 'context_length': float('nan'), 'context_window': 5, 'max_completion_tokens': float('inf')},
    {'id': 'c27-top-provider-true', 'top_provider': {'context_length': True, 'max_completion_tokens': '-0'}},
  ]}),
  ('ids-and-collisions', 'collide', 'http://localhost:1234/v1', 'COLLIDE_KEY', {'object': 'list', 'data': [
    {'id': 'a.b', 'context_length': 3},
    {'id': 'a-b', 'context_length': 2},
    {'id': 'a/b', 'context_length': 1},
    {'id': 'A_B', 'context_length': 4},
    {'id': 'x', 'context_length': 10},
    {'id': 'x', 'context_length': 20},
    {'id': ''},
    {'name': 'no id'},
    {'id': None},
    {'id': 'a-very-long-model-name-variant-one', 'context_length': 111},
    {'id': 'a-very-long-model-name-variant-two', 'context_length': 222},
    {'id': 'zz!!@@##', 'context_length': 5},
    {'id': 'zz', 'context_length': 6},
  ]}),
  ('strings', 'str', 'https://example.test/a "quoted" \\ path', 'STR_KEY', {'data': [
    {'id': 'caf\u00e9/\u65e5\u672c\u8a9e-\U0001f600'},
    {'id': 'quote"back\\slash'},
    {'id': 'ctl\x01\x08\x0c\x0d\x0a\x1f\x7f\ttab'},
    {'id': 'line\u2028sep\u0085nel'},
  ]}),
  ('empty', 'nothing', 'https://example.test/v1', 'NOTHING_KEY', {'data': []}),
  ('empty-no-env-key', 'url-prov', 'https://example.test/doc.json', None, {'data': [{'no_id': 1}, {'id': ''}]}),
  ('quoted-provider', 'my.prov', 'https://example.test/v1', None, {'data': [{'id': 'm-1', 'max_tokens': 5}]}),
  ('keyed-object', 'keyed', 'https://example.test/prices.json', None, {
    'zeta': {'max_tokens': 5, 'max_output_tokens': 2}, 'sample_spec': {'max_tokens': 'doc text', 'max_output_tokens': 'doc'},
    'alpha': {'max_input_tokens': 9}, 'Beta': 3, '\u00e9t\u00e9': None, 'gamma': {'max_tokens': '8_192'}}),
  ('top-level-array', 'arr', 'https://example.test/v1', 'ARR_KEY', [
    {'id': 'm2', 'context_length': 2}, {'id': 'm1', 'context_length': 1}, {'name': 'anon'}, {'id': 'm1', 'context_length': 99}]),
  # issue 14: top_provider's value and the `or` chains' result are kept only when truthy and an int or a str
  ('falsy-and-odd-limits', 'lim', 'https://example.test/v1', 'LIM_KEY', {'data': [
    {'id': 'f01-top-false-zero', 'top_provider': {'context_length': False, 'max_completion_tokens': 0}},
    {'id': 'f02-top-empty-string', 'context_length': 9, 'top_provider': {'context_length': '', 'max_completion_tokens': ''}},
    {'id': 'f03-top-empty-containers', 'top_provider': {'context_length': [], 'max_completion_tokens': {}}},
    {'id': 'f04-top-minus-zero', 'top_provider': {'context_length': -0, 'max_completion_tokens': -0.0}},
    {'id': 'f05-top-string-zero', 'top_provider': {'context_length': '0', 'max_completion_tokens': ' 0 '}},
    {'id': 'f06-top-negative', 'top_provider': {'context_length': -1, 'max_completion_tokens': '-1'}},
    {'id': 'f07-top-double', 'top_provider': {'context_length': 1.0, 'max_completion_tokens': 0.5}},
    {'id': 'f08-top-nested', 'top_provider': {'context_length': [4096], 'max_completion_tokens': {'value': 1}}},
    {'id': 'f09-top-true', 'top_provider': {'context_length': True, 'max_completion_tokens': True}},
    {'id': 'f10-chain-all-falsy', 'context_length': 0, 'context_window': False, 'max_context_length': '', 'max_tokens': [], 'max_model_len': {},
     'max_completion_tokens': None, 'max_output_tokens': 0.0, 'max_tokens_output': False},
    {'id': 'f11-chain-last-falsy-zero', 'max_model_len': 0, 'max_tokens_output': 0},
    {'id': 'f12-chain-string-zero-first', 'context_length': '0', 'context_window': 5, 'max_completion_tokens': '-0', 'max_output_tokens': 5},
    {'id': 'f13-chain-minus-one', 'context_length': -1, 'max_completion_tokens': -1},
    {'id': 'f14-chain-double-stops', 'context_length': 1.0, 'context_window': 5, 'max_completion_tokens': 1e400, 'max_output_tokens': 5},
    {'id': 'f15-chain-nested-stops', 'context_length': [[0]], 'context_window': 5, 'max_completion_tokens': {'a': {}}, 'max_output_tokens': 5},
    {'id': 'f16-string-4300-digits', 'context_length': '9' * 4300, 'max_completion_tokens': '-' + '1' * 4300},
    {'id': 'f17-string-4301-digits', 'context_length': '9' * 4301, 'context_window': 5, 'max_completion_tokens': '0' * 4301},
    {'id': 'f18-underscores-not-counted', 'context_length': '1_' * 4299 + '1', 'max_completion_tokens': ' \u3000' + '7' * 4300 + ' '},
    {'id': 'f19-astral-digits', 'context_length': '\U0001d7d9\U0001d7d8', 'max_completion_tokens': '\U00016ac3'},
    {'id': 'f20-big-int', 'context_length': 10 ** 40, 'max_completion_tokens': -(10 ** 25)},
    {'id': 'f21-fullwidth-and-spaces', 'context_length': '\uff10\uff17', 'max_completion_tokens': '\x85\u1680 12 \u2029'},
  ]}),
]

os.makedirs('toml', exist_ok=True)
index = []
for name, provider, base, env, body in CASES:
    text = json.dumps(body, indent=1)
    doc, ids, details = models_of(json.loads(text))
    with open('toml/%s.in.json' % name, 'w', encoding='utf-8') as f: f.write(text)
    with open('toml/%s.out.txt' % name, 'wb') as f: f.write('\n'.join(ids).encode('utf-8'))
    with open('toml/%s.out.toml' % name, 'wb') as f: f.write(toml_for(provider, base, env, ids, details).encode('utf-8'))
    index.append('%s|%s|%s|%s' % (name, provider, base, env or '-'))
with open('toml/cases.txt', 'w', encoding='utf-8') as f: f.write('\n'.join(index) + '\n')
