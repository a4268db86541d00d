// The audit chain's hash (electron/core/db/audit-chain.ts, auditRowHash) computed inside
// PostgreSQL, so the trigger that chains audit_log there writes the same hashes, bit for bit, as
// the JavaScript does: a trail moved between a SQLite register and a PostgreSQL one keeps its head.
//
// Three functions, each mirroring one step of the JavaScript:
//   vetted_js_number(x)        String(x) of a double (ECMAScript Number::toString)
//   vetted_canonical_json(t)   JSON.stringify(JSON.parse(t)), or t itself when t is not JSON
//   vetted_audit_hash(...)     sha256 hex of JSON.stringify([previous, at, ..., imported_from?])
//
// vetted_canonical_json walks the JSON text's own tokens instead of json_each/->>: those decode
// strings to text, which fails on "\u0000" and on a lone surrogate ("\ud800"), both of which
// JavaScript parses and prints (as "\u0000" and "\ud800"). Re-spelling each string token's
// escapes never needs the decoded text, so those values hash as in JavaScript. The json cast
// still does the validating: only text it accepts is walked.
//
// The script is idempotent (CREATE OR REPLACE) and runs as one client.query(script).

export const AUDIT_HASH_FUNCTIONS_SQL = String.raw`
-- A decimal spelling read as float8, or null where float8in refuses it (it rounds to 0 or to
-- infinity): vetted_js_number's candidates near the ends of the range.
CREATE OR REPLACE FUNCTION vetted_float8_or_null(spelling text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
BEGIN
  RETURN spelling::float8;
EXCEPTION WHEN numeric_value_out_of_range THEN
  RETURN NULL;
END
$fn$;

-- float8 -> text as JavaScript's String(x) prints it. float8out's shortest round-trip digits are
-- (almost always, see below) the digits ECMAScript asks for (PostgreSQL 12+ prints them whenever extra_float_digits > 0,
-- hence the SET: a session with 0 would get 15 rounded digits); only the layout differs
-- ("1e-07", "1.2345678901234568e+20"), so take digits and exponent apart and lay them out again.
-- Not finite: JSON.stringify's "null" (a JSON value is never NaN or Infinity).
CREATE OR REPLACE FUNCTION vetted_js_number(x double precision) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET extra_float_digits = 1
AS $fn$
DECLARE
  m text[];
  digits text;
  exp10 integer;
  k integer;
  n integer;
  sign text;
  kk integer;
  lo numeric;
  hi numeric;
  e integer;
  lo_ok boolean;
  hi_ok boolean;
  whole numeric;
BEGIN
  IF x = 0 THEN RETURN '0'; END IF; -- -0 as well
  IF x = 'Infinity'::float8 OR x = '-Infinity'::float8 OR x = 'NaN'::float8 THEN RETURN 'null'; END IF;
  m := regexp_match(x::text, '^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([-+][0-9]+))?$');
  IF m IS NULL THEN RAISE EXCEPTION 'vetted_js_number: unexpected float8 output %', x::text; END IF;
  sign := m[1];
  -- value = digits * 10^exp10, then without leading or trailing zeros
  digits := m[2] || coalesce(m[3], '');
  exp10 := coalesce(m[4]::integer, 0) - length(coalesce(m[3], ''));
  digits := ltrim(digits, '0');
  exp10 := exp10 + length(digits) - length(rtrim(digits, '0'));
  digits := rtrim(digits, '0');
  -- float8out's Ryu misses a shorter spelling that lies exactly on the rounding boundary
  -- (5.6090618430484544e+16 where JavaScript prints 56090618430484540): try each shorter length,
  -- rounded down and up, and keep the first that reads back as x (the nearer one if both do)
  FOR kk IN 1 .. length(digits) - 1 LOOP
    lo := substr(digits, 1, kk)::numeric;
    hi := lo + 1;
    e := exp10 + length(digits) - kk;
    lo_ok := vetted_float8_or_null(lo::text || 'e' || e) = abs(x);
    hi_ok := vetted_float8_or_null(hi::text || 'e' || e) = abs(x);
    IF lo_ok OR hi_ok THEN
      whole := digits::numeric / power(10::numeric, length(digits) - kk);
      IF lo_ok AND hi_ok THEN
        lo_ok := whole - lo < hi - whole OR (whole - lo = hi - whole AND lo % 2 = 0);
      END IF;
      digits := CASE WHEN lo_ok THEN lo ELSE hi END::text;
      exp10 := e + length(digits) - length(rtrim(digits, '0'));
      digits := rtrim(digits, '0');
      EXIT;
    END IF;
  END LOOP;
  -- ECMAScript's k (digit count) and n (value = 0.digits * 10^n)
  k := length(digits);
  n := k + exp10;
  IF k <= n AND n <= 21 THEN
    RETURN sign || digits || repeat('0', n - k);
  ELSIF 0 < n AND n <= 21 THEN
    RETURN sign || substr(digits, 1, n) || '.' || substr(digits, n + 1);
  ELSIF -6 < n AND n <= 0 THEN
    RETURN sign || '0.' || repeat('0', -n) || digits;
  END IF;
  RETURN sign || substr(digits, 1, 1)
    || CASE WHEN k > 1 THEN '.' || substr(digits, 2) ELSE '' END
    || 'e' || CASE WHEN n - 1 < 0 THEN '-' ELSE '+' END || abs(n - 1)::text;
END
$fn$;

-- A JSON number token as JSON.stringify(JSON.parse(token)) prints it. float8in rounds correctly,
-- as JSON.parse does, but refuses a token that rounds to 0 or to infinity (out of range) where
-- JavaScript gives 0 (printed "0", -0 included) or Infinity (printed null). Only those two can
-- fail, so the token's order of magnitude tells which.
CREATE OR REPLACE FUNCTION vetted_json_number(token text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
DECLARE
  m text[];
  lead integer;
BEGIN
  RETURN vetted_js_number(token::float8);
EXCEPTION WHEN numeric_value_out_of_range THEN
  m := regexp_match(token, '^-?([0-9]+)(?:\.([0-9]+))?(?:[eE]([-+]?[0-9]+))?$');
  -- position of the first significant digit relative to the decimal point (1 = units); a zero
  -- mantissa never fails, so there is one
  IF ltrim(m[1], '0') <> '' THEN
    lead := length(ltrim(m[1], '0'));
  ELSE
    lead := -(length(m[2]) - length(ltrim(m[2], '0')));
  END IF;
  RETURN CASE WHEN lead + coalesce(m[3]::numeric, 0) > 0 THEN 'null' ELSE '0' END;
END
$fn$;

-- A JSON string token (quotes included) spelled as JSON.stringify spells the string it denotes:
-- only the escapes change (raw characters inside a valid token are already what JavaScript
-- prints). A \u escape of a high surrogate followed by one of a low surrogate is one character;
-- a surrogate on its own stays an escape, lower-case, as well-formed JSON.stringify prints it.
CREATE OR REPLACE FUNCTION vetted_json_string(token text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
DECLARE
  pattern constant text := '\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.';
  parts text[];
  escapes text[];
  out text;
  e text;
  c integer;
  i integer;
BEGIN
  IF position('\' IN token) = 0 THEN RETURN token; END IF;
  -- the pieces between escapes, and the escapes, in the same order: a backslash only ever starts
  -- an escape in a valid token, so matching left to right finds exactly the token's escapes
  parts := regexp_split_to_array(token, pattern);
  SELECT array_agg(mm[1] ORDER BY ord) INTO escapes
    FROM regexp_matches(token, '(' || pattern || ')', 'g') WITH ORDINALITY AS r(mm, ord);
  out := parts[1];
  FOR i IN 1 .. coalesce(array_length(escapes, 1), 0) LOOP
    e := escapes[i];
    IF length(e) = 12 THEN
      c := 65536 + (('x' || substr(e, 3, 4))::bit(16)::integer - 55296) * 1024
                 + (('x' || substr(e, 9, 4))::bit(16)::integer - 56320);
      out := out || chr(c);
    ELSIF length(e) = 6 THEN
      c := ('x' || substr(e, 3, 4))::bit(16)::integer;
      out := out || CASE
        WHEN c BETWEEN 55296 AND 57343 THEN '\u' || lower(substr(e, 3, 4))
        WHEN c = 34 THEN '\"'
        WHEN c = 92 THEN '\\'
        WHEN c = 8 THEN '\b'
        WHEN c = 9 THEN '\t'
        WHEN c = 10 THEN '\n'
        WHEN c = 12 THEN '\f'
        WHEN c = 13 THEN '\r'
        WHEN c < 32 THEN '\u00' || lpad(to_hex(c), 2, '0')
        ELSE chr(c)
      END;
    ELSIF e = '\/' THEN
      out := out || '/';
    ELSE
      out := out || e; -- \" \\ \b \f \n \r \t: JSON.stringify's own spelling
    END IF;
    out := out || parts[i + 1];
  END LOOP;
  RETURN out;
END
$fn$;

-- JSON.stringify(JSON.parse(t)); t itself when it is not JSON. One pass over the tokens with a
-- stack of open containers: a container's members pile up on the entry stack and are joined when
-- it closes. Object members keep their order (array-index keys first, as JavaScript orders an
-- object's properties); a repeated key keeps its first place and takes its last value, as
-- JSON.parse's property assignment does.
CREATE OR REPLACE FUNCTION vetted_canonical_json(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
DECLARE
  tokens text[];
  tok text;
  v text;
  -- open containers: '{' or '[', where their members start on the entry stack, and an object's
  -- key waiting for its value
  frame_kind text[] := '{}';
  frame_start integer[] := '{}';
  frame_key text[] := '{}';
  depth integer := 0;
  -- members of the open containers (key is null in an array)
  entry_key text[] := '{}';
  entry_val text[] := '{}';
  keys text[];
  vals text[];
  at integer;
  last integer;
  i integer;
  result text;
BEGIN
  BEGIN
    PERFORM t::json;
  EXCEPTION WHEN OTHERS THEN
    RETURN t;
  END;
  SELECT array_agg(mm[1] ORDER BY ord) INTO tokens
    FROM regexp_matches(t, '("(?:[^"\\]|\\.)*"|[{}\[\],:]|[^ \t\n\r{}\[\],:"]+)', 'g') WITH ORDINALITY AS r(mm, ord);
  FOREACH tok IN ARRAY tokens LOOP
    v := NULL;
    IF tok = '{' OR tok = '[' THEN
      depth := depth + 1;
      frame_kind[depth] := tok;
      frame_start[depth] := coalesce(array_length(entry_val, 1), 0) + 1;
      frame_key[depth] := NULL;
      CONTINUE;
    ELSIF tok = '}' OR tok = ']' THEN
      -- explicit bounds: a slice with an omitted bound of an empty array is not empty
      at := frame_start[depth];
      last := coalesce(array_length(entry_val, 1), 0);
      keys := CASE WHEN at > last THEN '{}' ELSE entry_key[at:last] END;
      vals := CASE WHEN at > last THEN '{}' ELSE entry_val[at:last] END;
      entry_key := CASE WHEN at > 1 THEN entry_key[1:at - 1] ELSE '{}' END;
      entry_val := CASE WHEN at > 1 THEN entry_val[1:at - 1] ELSE '{}' END;
      IF tok = ']' THEN
        v := '[' || coalesce(array_to_string(vals, ','), '') || ']';
      ELSE
        v := '';
        -- Each key once, at its first place, with the last value given; as a JavaScript object
        -- orders its properties: array-index keys ("0" … "4294967294") first, in numeric order,
        -- then the others as they came.
        FOR i IN
          SELECT f.j FROM (SELECT j, keys[j] AS k FROM generate_subscripts(keys, 1) AS j WHERE array_position(keys, keys[j]) = j) f
           ORDER BY CASE WHEN f.k ~ '^"(0|[1-9][0-9]{0,9})"$' THEN
                      CASE WHEN substr(f.k, 2, length(f.k) - 2)::bigint <= 4294967294 THEN substr(f.k, 2, length(f.k) - 2)::bigint END
                    END NULLS LAST, f.j
        LOOP
          v := v || CASE WHEN v = '' THEN '' ELSE ',' END || keys[i] || ':'
                 || vals[(SELECT max(j) FROM generate_subscripts(keys, 1) AS j WHERE keys[j] = keys[i])];
        END LOOP;
        v := '{' || v || '}';
      END IF;
      frame_kind := CASE WHEN depth > 1 THEN frame_kind[1:depth - 1] ELSE '{}' END;
      frame_start := CASE WHEN depth > 1 THEN frame_start[1:depth - 1] ELSE '{}' END;
      frame_key := CASE WHEN depth > 1 THEN frame_key[1:depth - 1] ELSE '{}' END;
      depth := depth - 1;
    ELSIF tok = ',' OR tok = ':' THEN
      CONTINUE;
    ELSIF left(tok, 1) = '"' THEN
      IF depth > 0 AND frame_kind[depth] = '{' AND frame_key[depth] IS NULL THEN
        -- a key: compared and printed in its canonical spelling, so "a" and "\u0061" are one key
        frame_key[depth] := vetted_json_string(tok);
        CONTINUE;
      END IF;
      v := vetted_json_string(tok);
    ELSIF tok IN ('true', 'false', 'null') THEN
      v := tok;
    ELSE
      v := vetted_json_number(tok);
    END IF;
    -- v is a complete value: the document, or the next member of the innermost container
    IF depth = 0 THEN
      result := v;
    ELSE
      entry_key := entry_key || frame_key[depth];
      entry_val := entry_val || v;
      frame_key[depth] := NULL;
    END IF;
  END LOOP;
  RETURN result;
END
$fn$;

-- auditRowHash: lower-case hex SHA-256 of the UTF-8 bytes of the compact JSON array
-- [previous, at, actor, entity, entity_id, vendor_id, action, canon(old_value), canon(new_value)],
-- with imported_from as a tenth element when it is not null. Every element is a JSON string or
-- null; to_json(text) escapes exactly as JSON.stringify does for any text PostgreSQL can hold.
CREATE OR REPLACE FUNCTION vetted_audit_hash(
  previous text, at text, actor text, entity text, entity_id text, vendor_id text, action text,
  old_value text, new_value text, imported_from text
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fn$
  SELECT encode(sha256(convert_to(
    '[' || array_to_string(
      ARRAY(SELECT coalesce(to_json(f)::text, 'null') FROM unnest(
        ARRAY[previous, at, actor, entity, entity_id, vendor_id, action,
              vetted_canonical_json(old_value), vetted_canonical_json(new_value)]
        || CASE WHEN imported_from IS NULL THEN '{}'::text[] ELSE ARRAY[imported_from] END
      ) WITH ORDINALITY AS u(f, ord) ORDER BY ord),
      ','
    ) || ']',
    'UTF8')), 'hex')
$fn$;
`;
