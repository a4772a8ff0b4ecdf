#!/usr/bin/env bash
# Installs the mail daemons and tools that RuleForge's verify and live tests run.
# (time: GNU time measures the peak memory of the CLI in the memory-bound tests; gcc, libc6-dev
# and zlib1g-dev link the native build that scripts/test checks.)
# Debian packages only; keeps the packages from starting system services.
set -euo pipefail
need=(postfix rspamd spamassassin spamc spamd libmail-spf-perl libmail-dmarc-perl
      libmail-dkim-perl swaks dnsmasq-base bind9-dnsutils iproute2 util-linux opendkim-tools
      chromium time gcc libc6-dev zlib1g-dev)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-daemons: missing packages: ${missing[*]}; run as root to install them" >&2
  exit 1
fi
printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
chmod +x /usr/sbin/policy-rc.d
echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
