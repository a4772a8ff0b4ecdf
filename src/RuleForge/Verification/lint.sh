#!/bin/bash
# RuleForge verify: lint a built tree with the real daemons. Runs inside
# `unshare --net --mount --propagation private`, so only the loopback interface exists and
# the bind mounts below are invisible to the rest of the machine.
# Usage: lint.sh WORKDIR TREE
set -u
W="$1"
TREE="$2"
ip link set lo up
printf 'nameserver 127.0.0.1\n' > "$W/resolv.conf"
mount --bind "$W/resolv.conf" /etc/resolv.conf
mkdir -p "$W/etc"

report() { # name rc outfile
  echo "RESULT $1 $2"
  sed "s/^/OUT $1 /" "$3"
}

if [ -d "$TREE/rspamd" ]; then
  cp -a /etc/rspamd "$W/etc/rspamd" && cp -a "$TREE/rspamd/." "$W/etc/rspamd/"
  mkdir -p "$W/rspamd/db" "$W/rspamd/run" "$W/rspamd/log"
  # Note: fuzzy_check resolves the project's hash servers while loading; with no network
  # that fails the test, so the sandbox copy turns it off unless the tree configures it.
  [ -e "$W/etc/rspamd/local.d/fuzzy_check.conf" ] || echo 'enabled = false;' > "$W/etc/rspamd/local.d/fuzzy_check.conf"
  mount --bind "$W/etc/rspamd" /etc/rspamd
  rspamadm --var=DBDIR="$W/rspamd/db" --var=RUNDIR="$W/rspamd/run" --var=LOGDIR="$W/rspamd/log" \
    configtest -s -c /etc/rspamd/rspamd.conf > "$W/rspamd.out" 2>&1
  report rspamd $? "$W/rspamd.out"
fi

if [ -d "$TREE/spamassassin" ]; then
  cp -a /etc/spamassassin "$W/etc/spamassassin" && cp -a "$TREE/spamassassin/." "$W/etc/spamassassin/"
  mkdir -p "$W/sa-home" && : > "$W/sa-prefs"
  mount --bind "$W/etc/spamassassin" /etc/spamassassin
  HOME="$W/sa-home" spamassassin -L --siteconfigpath=/etc/spamassassin -p "$W/sa-prefs" --lint \
    > "$W/sa.out" 2>&1
  report spamassassin $? "$W/sa.out"
fi

if [ -d "$TREE/postfix" ]; then
  cp -a /etc/postfix "$W/etc/postfix"
  if [ -d "$TREE/postfix/ruleforge" ]; then cp -a "$TREE/postfix/ruleforge" "$W/etc/postfix/"; fi
  mkdir -p "$W/postfix/spool" "$W/postfix/data"
  mount --bind "$W/etc/postfix" /etc/postfix
  {
    postconf -e "queue_directory = $W/postfix/spool" "data_directory = $W/postfix/data" \
      "inet_interfaces = loopback-only" "mynetworks = 127.0.0.1/32"
    grep -v '^#' "$TREE/postfix/main.cf.fragment" | grep -v '^$' | while IFS= read -r line; do
      postconf -e "$line" || echo "postconf refused: $line"
    done
    postconf -n > /dev/null
    postfix check
  } > "$W/postfix.out" 2>&1
  rc=$?
  if grep -qi 'warning\|fatal\|refused' "$W/postfix.out"; then rc=1; fi
  report postfix $rc "$W/postfix.out"
  while IFS=$'\t' read -r map key expected; do
    got=$(postmap -q "$key" "$map" 2>&1)
    printf 'QUERY\t%s\t%s\t%s\t%s\n' "$map" "$key" "$expected" "$got"
  done < "$W/queries"
fi
exit 0
