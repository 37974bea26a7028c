# shellcheck shell=bash
# The real browser of the console's browser tests: Debian's chromium and chromium-driver at fixed paths
# (/usr/bin/chromium, /usr/bin/chromedriver). Selenium is pointed at them, so nothing is downloaded at run time.

CHROMEDRIVER=${CVP_CHROMEDRIVER:-/usr/bin/chromedriver}
CHROMIUM=${CVP_CHROMIUM:-/usr/bin/chromium}

# browser_ensure: installs chromium and chromium-driver with apt-get when the driver is missing (CI runs as root,
# non-interactive); elsewhere says what to install.
# A CJK font (fonts-wqy-microhei) comes with them: without one the pages' Chinese renders as empty boxes in
# the screenshots.
browser_ensure() {
  if [[ -x $CHROMEDRIVER && -x $CHROMIUM ]] && fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk\|noto serif cjk'; then
    return 0
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's chromium, chromium-driver and a CJK font for the browser tests (apt-get; first run only)"
    local t
    t=$(now)
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOG_DIR/apt-chromium.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei \
        >>"$LOG_DIR/apt-chromium.log" 2>&1 || {
      err "installing chromium failed; the end of $LOG_DIR/apt-chromium.log:"
      tail -n 20 "$LOG_DIR/apt-chromium.log" >&2
      return 1
    }
    info "chromium installed in $(elapsed "$t")s ($("$CHROMIUM" --version 2>/dev/null || echo '?'))"
  fi
  if [[ ! -x $CHROMEDRIVER || ! -x $CHROMIUM ]]; then
    err "the browser tests need $CHROMIUM and $CHROMEDRIVER (Debian: apt-get install chromium chromium-driver)"
    return 1
  fi
}
