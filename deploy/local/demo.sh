#!/usr/bin/env bash
# The main flow of the platform against the running local stack, with real Keycloak tokens:
# a provider publishes capacity, an enterprise applies, an approver approves, allocation-service
# matches, voucher-service holds, the provider reports usage, the voucher is debited.
# Run through `deploy/local/platform demo` (the stack must be up).
# Environment (the usage benchmark asks for a bigger market): DEMO_CARD_HOURS (200), DEMO_OFFERING_UNITS (8),
# DEMO_AMOUNT_FEN (300000, the contract amount), DEMO_WAIT_SECONDS (60, how long to wait for each asynchronous step).
set -euo pipefail

KEYCLOAK=${CVP_KEYCLOAK_URL:-http://localhost:8180}
VOUCHER=${CVP_VOUCHER_URL:-http://localhost:8081}
PROVIDER=${CVP_PROVIDER_URL:-http://localhost:8082}
ALLOCATION=${CVP_ALLOCATION_URL:-http://localhost:8083}
CARD_HOURS=${DEMO_CARD_HOURS:-200}
OFFERING_UNITS=${DEMO_OFFERING_UNITS:-8}
AMOUNT_FEN=${DEMO_AMOUNT_FEN:-300000}
WAIT_SECONDS=${DEMO_WAIT_SECONDS:-60}
ENTERPRISE_ORG=91110108MA01ENT1XN
PROVIDER_ORG=91110105MA03PRD108

if ! command -v jq >/dev/null; then
  echo "installing jq (Debian package) to read JSON answers..."
  apt-get install -y -qq jq >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
fi

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
token() { # password grant for a demo user (password = user name; demo realm only)
  curl -sf --max-time 30 -d grant_type=password -d client_id=cvp-cli -d "username=$1" -d "password=$1" \
    "$KEYCLOAK/realms/compute-voucher/protocol/openid-connect/token" | jq -r .access_token
}
# call USER METHOD URL [JSON] -> prints the body; fails on 5xx
call() {
  local user=$1 method=$2 url=$3 body=${4:-}
  local args=(-s --max-time 120 -o /tmp/cvp-demo.out -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOKENS[$user]}" -H 'Content-Type: application/json')
  [[ -n $body ]] && args+=(-d "$body")
  local status; status=$(curl "${args[@]}" "$url")
  echo "  $user $method ${url#http://localhost} -> $status" >&2
  if [[ $status -ge 500 ]]; then cat /tmp/cvp-demo.out >&2; exit 1; fi
  cat /tmp/cvp-demo.out
}
wait_for() { # wait_for DESCRIPTION COMMAND... (until the command succeeds, WAIT_SECONDS)
  local what=$1; shift
  for _ in $(seq 1 $((WAIT_SECONDS * 2))); do if "$@" >/dev/null 2>&1; then return 0; fi; sleep 0.5; done
  echo "timed out waiting for $what" >&2; exit 1
}

declare -A TOKENS
for u in enterprise-demo provider-demo reviewer-demo approver-demo admin-demo; do TOKENS[$u]=$(token "$u"); done

NOW=$(date -u +%Y-%m-%dT%H:00:00Z)
iso() { date -u -d "$NOW $1" +%Y-%m-%dT%H:%M:%SZ; }

step "1. Programmes open for applications (admin-demo)"
call admin-demo GET "$VOUCHER/api/programmes" | jq -r '.[] | "  \(.code)  \(.name)  ratio \(.rules.subsidyRatio)  budget left ¥\(.budgetRemainingFen/100)"'

step "2. provider-demo registers, is accredited, publishes an offering"
call provider-demo POST "$PROVIDER/api/providers" "$(jq -n --arg cc $PROVIDER_ORG '{name:"京算智能科技有限公司 (demo provider)",creditCode:$cc,region:"110105",yearsOperating:5,site:"北京市朝阳区酒仙桥路 10 号",privatelyInvested:true,relatedParties:[]}')" >/dev/null
PROVIDER_JSON=$(call provider-demo GET "$PROVIDER/api/providers/me")
PROVIDER_ID=$(jq -r .id <<<"$PROVIDER_JSON")
if [[ $(jq -r .status <<<"$PROVIDER_JSON") != ACTIVE ]]; then
  call admin-demo POST "$PROVIDER/api/providers/$PROVIDER_ID/accreditation" '{"programmeMemberships":["BJ-AICV","SH-ICV"]}' | jq -r '"  provider \(.id) is \(.status)"'
fi
OFFERING_ID=$(call provider-demo POST "$PROVIDER/api/offerings" "$(jq -n --arg f "$(iso '-1 day')" --arg t "$(iso '+60 days')" \
  --argjson u "$OFFERING_UNITS" '{resourceClass:"GPU_A800_80G",region:"110108",units:$u,unitPriceFen:1500,availableFrom:$f,availableTo:$t}')" | jq -r .id)
call provider-demo POST "$PROVIDER/api/offerings/$OFFERING_ID/publish" | jq -r '"  offering \(.id): \(.units) × \(.resourceClass) in \(.region) at ¥\(.unitPriceFen/100)/card-hour, \(.status)"'

step "3. enterprise-demo registers and applies for $CARD_HOURS card-hours under BJ-AICV"
call enterprise-demo POST "$VOUCHER/api/enterprises" "$(jq -n --arg cc $ENTERPRISE_ORG '{name:"北京智算科技有限公司 (demo enterprise)",creditCode:$cc,region:"110108",industry:"SOFTWARE_IT_SERVICES",size:"SMALL",startup:true,team:false,ownership:"PRIVATE",dishonest:false,relatedParties:[]}')" >/dev/null
APP_ID=$(call enterprise-demo POST "$VOUCHER/api/applications" "$(jq -n --arg s "$(iso '-12 hours')" --arg e "$(iso '+30 days')" \
  --arg n "DEMO-$(date +%s%N)" --arg signed "$(date -u -d "$NOW -3 days" +%F)" --argjson ch "$CARD_HOURS" --argjson amt "$AMOUNT_FEN" --arg pcc "$PROVIDER_ORG" \
  '{programmeCode:"BJ-AICV",demand:{resourceClass:"GPU_A800_80G",cardHours:$ch,regions:["110108"],windowStart:$s,windowEnd:$e},purpose:"大模型微调 (fine-tuning)",amountFen:$amt,contract:{number:$n,signedOn:$signed,months:3,providerCreditCode:$pcc}}')" | jq -r .id)
# Beijing's contract binds the provider: voucher-service must have heard (provider.events) that it is a partner
submitted() { call enterprise-demo POST "$VOUCHER/api/applications/$APP_ID/submit" 2>/dev/null | jq -e '.status == "UNDER_REVIEW"'; }
wait_for "voucher-service to know provider-demo as a BJ-AICV partner (submission)" submitted
call enterprise-demo GET "$VOUCHER/api/applications/$APP_ID" | jq -r '"  application \(.id): \(.status), face value ¥\(.faceValueFen/100) (capped by \(.cappedBy))"'

step "4. reviewer-demo checks it (初审), approver-demo approves: a voucher is issued (voucher.issued.v1)"
call reviewer-demo POST "$VOUCHER/api/applications/$APP_ID/review" | jq -r '"  reviewed by \(.reviewedBy)"'
VOUCHER_ID=$(call approver-demo POST "$VOUCHER/api/applications/$APP_ID/approve" | jq -r .voucherId)
call enterprise-demo GET "$VOUCHER/api/vouchers/$VOUCHER_ID" | jq -r '"  voucher \(.id): face ¥\(.faceValueFen/100), ratio \(.subsidyRatio), \(.status)"'

step "5. allocation-service matches it (allocation.created.v1); voucher-service places a hold"
allocation_held() { call provider-demo GET "$PROVIDER/api/allocations?voucherId=$VOUCHER_ID" 2>/dev/null | jq -e --arg v "$VOUCHER_ID" '[.[] | select(.voucherId == $v and .status == "HELD")] | length > 0'; }
wait_for "the allocation to be held" allocation_held
ALLOCATION_JSON=$(call provider-demo GET "$PROVIDER/api/allocations?voucherId=$VOUCHER_ID" | jq --arg v "$VOUCHER_ID" '[.[] | select(.voucherId == $v)][0]')
ALLOCATION_ID=$(jq -r .allocationId <<<"$ALLOCATION_JSON")
PRICE=$(jq -r .unitPriceFen <<<"$ALLOCATION_JSON")
jq -r '"  allocation \(.allocationId): \(.units) cards, \(.cardHours) card-hours at ¥\(.unitPriceFen/100), hold ¥\(.holdFen/100), \(.status)"' <<<"$ALLOCATION_JSON"
call admin-demo GET "$ALLOCATION/api/allocations/$ALLOCATION_ID" | jq -c '"  why: " + (.explanation | tostring | .[0:300])' -r

step "6. provider-demo reports 2 card-hours of usage in 2 hours (usage.reported.v1)"
RECORD="demo-$(date +%s%N)"
BATCH=$(jq -n --arg a "$ALLOCATION_ID" --arg r "$RECORD" --arg s "$(iso '-3 hours')" --arg e "$(iso '-1 hour')" --argjson p "$PRICE" \
  '{records:[{allocationId:$a,recordId:$r,periodStart:$s,periodEnd:$e,units:"2",unitPriceFen:$p,amountFen:(2*$p),deliveryCertificateRef:("DC-"+$r)}]}')
REPORT_ID=$(call provider-demo POST "$PROVIDER/api/usage-reports" "$BATCH" | jq -r '.results[0] | "\(.usageReportId)"')
echo "  usage report $REPORT_ID received"
report_decided() { call provider-demo GET "$PROVIDER/api/usage-reports/$REPORT_ID" 2>/dev/null | jq -e '.status != "RECEIVED"'; }
wait_for "allocation-service's decision" report_decided
call provider-demo GET "$PROVIDER/api/usage-reports/$REPORT_ID" | jq -r '"  usage report: \(.status) \(.rejectionReason // "") subsidy ¥\((.subsidyFen // 0)/100)"'

step "7. voucher-service debits the voucher (voucher.debited.v1)"
debited() { call enterprise-demo GET "$VOUCHER/api/vouchers/$VOUCHER_ID" 2>/dev/null | jq -e '.consumedFen > 0'; }
wait_for "the debit" debited
call provider-demo POST "$PROVIDER/api/usage-reports" "$BATCH" | jq -r '"  the same batch again: \(.results[0].status) (nothing new)"'

step "Final balances"
call enterprise-demo GET "$VOUCHER/api/vouchers/$VOUCHER_ID" | jq -r '"  voucher \(.id)\n    face      ¥\(.faceValueFen/100)\n    held      ¥\(.heldFen/100)\n    consumed  ¥\(.consumedFen/100)\n    balance   ¥\(.balanceFen/100)"'
call enterprise-demo GET "$VOUCHER/api/vouchers/$VOUCHER_ID/ledger" | jq -r '.[] | "    ledger \(.type)\t¥\(.amountFen/100)\tbalance after ¥\(.balanceAfterFen/100)"'
call provider-demo GET "$PROVIDER/api/allocations/$ALLOCATION_ID" | jq -r '"  provider view: reported \(.reportedCardHours) card-hours, accepted \(.acceptedCardHours) (¥\(.acceptedAmountFen/100))"'
