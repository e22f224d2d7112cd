# Generates json/<case>.in.json (a provider body) and json/<case>.out.json (what the legacy tool writes:
# json.dump(sorted(...), f, indent=2)). Run from this folder with python3; the outputs are committed.
import json, os
def legacy_sort(d):
    # the legacy script's own sort first; where it raises (a null id beside strings, an element that is not an
    # object: the script fails there) the plugin's order, which treats those ids as ""
    try:
        return real_sort(d)
    except (TypeError, AttributeError):
        return emulated_sort(d)
def real_sort(d):
    if isinstance(d, dict) and 'data' in d and isinstance(d['data'], list):
        d = dict(d); d['data'] = sorted(d['data'], key=lambda x: x.get('id', ''))
        return d
    if isinstance(d, dict):
        return dict(sorted(d.items()))
    if isinstance(d, list):
        return sorted(d, key=lambda x: x.get('id', ''))
    return d
def emulated_sort(d):
    if isinstance(d, dict) and isinstance(d.get('data'), list):
        d = dict(d); d['data'] = sorted(d['data'], key=lambda m: (m.get('id') or '') if isinstance(m, dict) else '')
        return d
    if isinstance(d, dict):
        return {k: d[k] for k in sorted(d)}
    if isinstance(d, list):
        return sorted(d, key=lambda m: (m.get('id') or '') if isinstance(m, dict) else '')
    return d
cases = {
  'strings': r'''{"data": [{"id": "a", "s": ["plain", "quote \" back \\ slash / solidus", "\n\r\t\b\f",
     "\u0000\u0001\u001f\u007f\u0080", "caf\u00e9 \u00fc \u4e2d\u6587", "emoji \ud83d\ude00 \ud834\udd1e",
     "lone \ud800 surrogate \udfff", "\u2028\u2029\ufeff\uffff", "", " ~!@#$%^&*()_+{}|:<>?`-=[];',./"],
     "k\u00e9y \"q\"": "v", "": "empty key"}]}''',
  'raw-utf8': '{"data": [{"id": "\u00e9\u00e8", "name": "\u65e5\u672c\u8a9e \U0001f600 \x7f"}, {"id": "abc"}]}',
  'integers': '''{"data": [{"id": "i", "v": [0, -0, 1, -1, 2147483647, 2147483648, -2147483649, 9223372036854775807,
     9223372036854775808, -9223372036854775808, -9223372036854775809, 18446744073709551616,
     123456789012345678901234567890123456789012345678901234567890, -0, 7]}]}''',
  'doubles': '''{"data": [{"id": "d", "v": [0.0, -0.0, 1.0, -1.5, 100.0, 1e2, 1E2, 1.0e-4, 0.0001, 0.00001, 1e-05, 2.5e-5,
     1e16, 1e15, 1000000000000000.0, 9999999999999998.0, 1.7976931348623157e308, 5e-324, 4.9e-324,
     2.2250738585072014e-308, 0.1, 0.30000000000000004, 1e22, 1e23, 9007199254740993.0, 1.5e300, 123.456,
     1e400, -1e400, 1e-400, -1e-400, Infinity, -Infinity, NaN, 3.0e-08, 0.5E+1, 12345678901234567890.0, 1.0000000000000002]}]}''',
  'literals': '{"data": [{"id": "l", "t": true, "f": false, "n": null, "e": {}, "a": [], "nested": {"x": [[], {}, [1, [2, {"y": null}]]]}}]}',
  'shape-data-array': '''{"object": "list", "data": [{"id": "b", "n": 1}, {"id": "a"}, {"no_id": true}, {"id": null},
     {"id": "B"}, {"id": "a", "second": true}, {"id": ""}, {"id": "\u00e9"}, {"id": "z"}], "z_after": 1, "data_meta": {}}''',
  'shape-top-level-array': '[{"id": "m2"}, {"id": "m1", "x": 1.5}, {"name": "no id"}, {"id": "m1", "dup": true}]',
  'shape-keyed-object': '{"zeta": {"max_tokens": 5}, "sample_spec": {"max_tokens": "doc"}, "alpha": {"b": 2, "a": 1}, "Beta": 3, "\u00e9": [], "_": null}',
  'duplicate-keys': '{"data": [{"id": "x", "a": 1, "b": 2, "a": 3}], "data2": 1, "data2": 2}',
  'empty-object': '{}',
  'empty-array': '[]',
  'empty-data': '{"data": []}',
  'scalar': '42',
  # issue 14: falsy numbers and booleans as ids are equal to Python (0 == 0.0 == False): they keep their order
  'falsy-number-ids': '{"data": [{"id": false, "n": 1}, {"id": 0, "n": 2}, {"id": -0.0, "n": 3}, {"id": 0.0, "n": 4}, {"id": 0E+3, "n": 5}, {"id": -0, "n": 6}, {"id": false, "n": 7}]}',
  'empty-list-ids': '[{"id": [], "n": 1}, {"id": [], "n": 2}]',
}
os.makedirs('json', exist_ok=True)
for name, text in cases.items():
    with open('json/%s.in.json' % name, 'w', encoding='utf-8') as f:
        f.write(text)
    with open('json/%s.out.json' % name, 'w', encoding='utf-8') as f:
        json.dump(legacy_sort(json.loads(text)), f, indent=2)
with open('json/cases.txt', 'w') as f:
    f.write('\n'.join(cases) + '\n')
