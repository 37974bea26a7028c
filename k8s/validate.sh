#!/usr/bin/env bash
# Offline checks of k8s/: no cluster, no network needed.
#   1. every *.yaml file parses (all documents in it);
#   2. kustomize renders overlays/prod and infra/keycloak-realm-import;
#   3. if kubeconform is installed, the rendered core objects are checked against the Kubernetes
#      schemas it has (custom resources are skipped unless given a schema location).
# Usage: k8s/validate.sh            (from anywhere)
set -euo pipefail
cd "$(dirname "$0")"

echo "== 1. YAML syntax"
files=$(find . -name '*.yaml' | sort)
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - $files <<'PY'
import sys, yaml
n = 0
for f in sys.argv[1:]:
    with open(f) as fh:
        docs = [d for d in yaml.safe_load_all(fh) if d is not None]
    for d in docs:
        if not isinstance(d, dict) or "apiVersion" not in d or "kind" not in d:
            sys.exit(f"{f}: a document without apiVersion/kind")
    n += len(docs)
    print(f"  ok  {f} ({len(docs)} document{'s' if len(docs) != 1 else ''})")
print(f"  {len(sys.argv) - 1} files, {n} documents")
PY
elif command -v ruby >/dev/null; then
  for f in $files; do ruby -ryaml -e 'YAML.load_stream(File.read(ARGV[0]))' "$f" && echo "  ok  $f"; done
else
  echo "  neither python3 with PyYAML nor ruby found: skipped" >&2
fi

echo "== 2. kustomize build"
if command -v kubectl >/dev/null; then build() { kubectl kustomize "$1"; }
elif command -v kustomize >/dev/null; then build() { kustomize build "$1"; }
else echo "  neither kubectl nor kustomize found" >&2; exit 1; fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for dir in overlays/prod base/infra/keycloak-realm-import; do
  build "$dir" > "$out/$(echo "$dir" | tr / _).yaml"
  echo "  ok  $dir: $(grep -c '^kind:' "$out/$(echo "$dir" | tr / _).yaml") objects"
done
# No secret material may end up in a ConfigMap: neither a key that names one nor a value that
# carries one (a password in a JDBC URL, for instance).
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$out/overlays_prod.yaml" <<'PY2'
import re, sys, yaml
bad = []
for d in yaml.safe_load_all(open(sys.argv[1])):
    if d and d.get("kind") == "ConfigMap":
        for k, v in (d.get("data") or {}).items():
            if re.search(r"PASSWORD|SECRET|TOKEN|PRIVATE", k, re.I) or re.search(r"password=|secret=", str(v), re.I):
                bad.append(f'{d["metadata"]["name"]}: {k}')
if bad:
    sys.exit("  secret material in a ConfigMap: " + ", ".join(bad))
print("  ok  no secret material in the rendered ConfigMaps")
PY2
fi

echo "== 3. schemas"
if command -v kubeconform >/dev/null; then
  kubeconform -strict -summary -ignore-missing-schemas "$out"/*.yaml
else
  echo "  kubeconform not installed: skipped (see k8s/README.md, 'Validating offline')"
fi
