#!/bin/bash
# RuleForge verify --live: runs the real Postfix, Rspamd and SpamAssassin from a built tree and
# sends every scenario through them. Runs inside `unshare --net --mount --propagation private`:
# only the loopback interface exists, and the bind mounts below are private to this namespace.
# Usage: live.sh WORKDIR TREE DBDIR PARALLEL
set -u
W="$1"; TREE="$2"; DB="$3"; PAR="${4:-4}"
# Note: the daemons drop root; they must be able to walk into the work folder.
chmod 755 "$W"
ip link set lo up
printf 'nameserver 127.0.0.1\n' > "$W/resolv.conf"
mount --bind "$W/resolv.conf" /etc/resolv.conf
for l in $(ip -o link | awk -F': ' '{print $2}'); do echo "IFACE	$l"; done
sed -n 's/^nameserver[[:space:]]*/RESOLVER	/p' /etc/resolv.conf
mkdir -p "$W/etc" "$W/pids"
problem() { echo "PROBLEM	$*"; }
wait_port() { for _ in $(seq 1 "${3:-300}"); do (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# Loopback DNS: port 53 for libc (Postfix, Mail::DMARC), 5353 for Rspamd and SpamAssassin.
for port in 53 5353; do
  dnsmasq --conf-file="$W/dns.conf" --port=$port --pid-file="$W/pids/dns$port.pid" \
    --log-facility="$W/dns$port.log" --log-queries || problem "dnsmasq on port $port did not start"
done

# Messages: DKIM-signed with the run's key where the scenario says so.
while IFS=$'\t' read -r name ip env hdr dkim; do
  if [ -n "$dkim" ]; then
    perl "$W/sign.pl" "$dkim" rf "$W/dkim.key" < "$W/msgs/$name.eml" > "$W/msgs/$name.signed" \
      || problem "signing $name failed"
  else
    cp "$W/msgs/$name.eml" "$W/msgs/$name.signed"
  fi
done < "$W/scenarios.tsv"

# Rspamd: the tree over a private copy of /etc/rspamd, plus test-only workers and resolver.
if [ -d "$TREE/rspamd" ]; then
  cp -a /etc/rspamd "$W/etc/rspamd" && cp -a "$TREE/rspamd/." "$W/etc/rspamd/"
  R="$W/etc/rspamd"
  printf 'bind_socket = "127.0.0.1:21333";\n' > "$R/override.d/worker-normal.inc"
  printf 'bind_socket = "127.0.0.1:21334";\n' > "$R/override.d/worker-controller.inc"
  printf 'bind_socket = "127.0.0.1:21332";\nmilter = yes;\nupstream "local" { default = yes; self_scan = yes; }\n' \
    > "$R/override.d/worker-proxy.inc"
  printf 'dns {\n  nameserver = ["127.0.0.1:5353"];\n}\n' > "$R/local.d/options.inc"
  for m in fuzzy_check phishing asn; do
    [ -e "$R/local.d/$m.conf" ] || echo 'enabled = false;' > "$R/local.d/$m.conf"
  done
  mkdir -p "$DB" "$W/rspamd-run" "$W/rspamd-log"
  chown -R _rspamd:_rspamd "$DB" "$W/rspamd-run" "$W/rspamd-log"
  mount --bind "$R" /etc/rspamd
  setpriv --reuid=_rspamd --regid=_rspamd --init-groups rspamd -f -c /etc/rspamd/rspamd.conf \
    --var=DBDIR="$DB" --var=RUNDIR="$W/rspamd-run" --var=LOGDIR="$W/rspamd-log" > "$W/rspamd.out" 2>&1 &
  echo $! > "$W/pids/rspamd.pid"
  ok=0
  for _ in $(seq 1 900); do
    if curl -s -m 1 http://127.0.0.1:21334/ping 2>/dev/null | grep -q pong; then ok=1; break; fi
    kill -0 "$(cat "$W/pids/rspamd.pid")" 2>/dev/null || break
    sleep 0.1
  done
  [ $ok = 1 ] || problem "rspamd did not answer /ping within 90 s: $(tail -5 "$W/rspamd.out" | tr '\n' ' ')"
  wait_port 127.0.0.1 21332 100 || problem "rspamd proxy (milter) worker is not listening"
fi

# SpamAssassin: the tree over a private copy of /etc/spamassassin, plus test-only DNS settings.
if [ -d "$TREE/spamassassin" ]; then
  cp -a /etc/spamassassin "$W/etc/spamassassin" && cp -a "$TREE/spamassassin/." "$W/etc/spamassassin/"
  # Note: one scenario's error answer (127.255.255.254) would make SpamAssassin stop asking that
  # zone for dns_block_time seconds (dns_block_rule), which would spoil the scenarios after it.
  printf 'dns_available yes\ndns_server 127.0.0.1:5353\nscore RCVD_ILLEGAL_IP 0\nuse_bayes 0\ndns_block_time 0\n' \
    > "$W/etc/spamassassin/zz-ruleforge-live.cf"
  mkdir -p "$W/sa-home" && chmod 777 "$W/sa-home"
  mount --bind "$W/etc/spamassassin" /etc/spamassassin
  spamd --siteconfigpath=/etc/spamassassin --listen=127.0.0.1:21783 --allowed-ips=127.0.0.0/8 \
    --nouser-config --pidfile="$W/pids/spamd.pid" --daemonize -u nobody --helper-home-dir="$W/sa-home" \
    -s "$W/spamd.log" || problem "spamd did not start"
  wait_port 127.0.0.1 21783 300 || problem "spamd is not listening: $(tail -5 "$W/spamd.log" | tr '\n' ' ')"
fi

# Postfix: postscreen (PROXY protocol) -> smtpd -> Rspamd milter -> mailbox; and a plain smtpd
# that trusts XCLIENT from loopback, for the RCPT decision alone.
if [ -d "$TREE/postfix" ]; then
  cp -a /etc/postfix "$W/etc/postfix"
  [ -d "$TREE/postfix/ruleforge" ] && cp -a "$TREE/postfix/ruleforge" "$W/etc/postfix/"
  mkdir -p "$W/pf/spool" "$W/pf/data" "$W/mail" && chmod 777 "$W/mail" && chown postfix "$W/pf/data"
  mount --bind "$W/etc/postfix" /etc/postfix
  grep -v '^#' "$TREE/postfix/main.cf.fragment" | grep -v '^$' | while IFS= read -r line; do
    postconf -e "$line" || problem "postconf refused: $line"
  done
  postconf -e "queue_directory = $W/pf/spool" "data_directory = $W/pf/data" \
    "maillog_file = $W/pf/maillog" "maillog_file_prefixes = /var, /dev/stdout, $W" \
    "inet_interfaces = 127.0.0.1" "mynetworks = 127.0.0.1/32" \
    "myhostname = mx.dest.example" "mydestination =" "relay_domains =" "alias_maps =" "alias_database =" \
    "virtual_mailbox_domains = dest.example" "virtual_mailbox_base = $W/mail" \
    "virtual_mailbox_maps = static:inbox" "virtual_uid_maps = static:65534" "virtual_gid_maps = static:65534" \
    "smtputf8_enable = no" "postscreen_greet_wait = 2s" "postscreen_cache_map = btree:$W/pf/data/psc_cache" \
    "smtpd_milters = inet:127.0.0.1:21332" "milter_default_action = tempfail" "milter_protocol = 6"
  postconf -F '*/*/chroot = n'
  postconf -M# smtp/inet
  postconf -M "21025/inet = 21025 inet n - n - 1 postscreen" \
    "smtpd/pass = smtpd pass - - n - - smtpd" \
    "21026/inet = 21026 inet n - n - - smtpd" \
    "dnsblog/unix = dnsblog unix - - n - 0 dnsblog" \
    "tlsproxy/unix = tlsproxy unix - - n - 0 tlsproxy"
  postconf -P "21025/inet/postscreen_upstream_proxy_protocol = haproxy" \
    "21026/inet/smtpd_authorized_xclient_hosts = 127.0.0.0/8" "21026/inet/smtpd_milters ="
  postfix check > "$W/pf/check.out" 2>&1 || problem "postfix check: $(tr '\n' ' ' < "$W/pf/check.out")"
  postfix start > "$W/pf/start.out" 2>&1 \
    || problem "postfix start: $(tr '\n' ' ' < "$W/pf/start.out") $(tail -5 "$W/pf/maillog" 2>/dev/null | tr '\n' ' ')"
  wait_port 127.0.0.1 21025 100 && wait_port 127.0.0.1 21026 100 || problem "postfix listeners are not up"
fi

# One scenario: each daemon's view, written to the scenario's folder; printed in order afterwards
# (lines from parallel workers would interleave on a shared stdout).
run_one() {
  local name="$1" ip="$2" env="$3" dkim="$4"
  local msg="$W/msgs/$name.signed" out="$W/out/$name"
  mkdir -p "$out"
  local fam=TCP4 dst=127.0.0.1 xip="$ip"
  case "$ip" in *:*) fam=TCP6; dst=::1; xip="IPV6:$ip" ;; esac
  {
    if [ -d "$TREE/postfix" ]; then
      timeout 60 swaks --server 127.0.0.1:21025 --proxy-version 1 --proxy-family $fam --proxy-source "$ip" \
        --proxy-source-port 40000 --proxy-dest $dst --proxy-dest-port 25 --helo mail.sender.test \
        --from "$env" --to user@dest.example --data "@$msg" --timeout 30 > "$out/ps.txt" 2>&1
      timeout 60 swaks --server 127.0.0.1:21026 --xclient-addr "$xip" --helo mail.sender.test \
        --from "$env" --to user@dest.example --quit-after RCPT --timeout 30 > "$out/smtpd.txt" 2>&1
      printf 'PS\t%s\t%s\t%s\n' "$name" "$(code_after_rcpt "$out/ps.txt")" \
        "$(grep -E '^ *(<|\*\*\*)' "$out/ps.txt" | tr '\n\t' '  ' | tail -c 400)"
      printf 'SMTPD\t%s\t%s\n' "$name" "$(code_after_rcpt "$out/smtpd.txt")"
    fi
    if [ -d "$TREE/rspamd" ]; then
      rspamc -h 127.0.0.1:21333 -t 30 -j --ip "$ip" --from "$env" --helo mail.sender.test \
        --rcpt user@dest.example symbols < "$msg" > "$out/rspamd.json" 2>&1
      printf 'RSPAMD\t%s\t%s\n' "$name" "$(base64 -w0 < "$out/rspamd.json")"
    fi
    if [ -d "$TREE/spamassassin" ]; then
      spamc -d 127.0.0.1 -p 21783 -t 60 -R < "$msg" > "$out/sa.txt" 2>&1
      printf 'SA\t%s\t%s\n' "$name" "$(base64 -w0 < "$out/sa.txt")"
    fi
  } > "$out/result.tsv"
}
code_after_rcpt() { # the reply to RCPT TO, else the first error reply, else 0
  awk '/ -> RCPT TO/ {want=1; next}
       want && /<(-|~|\*\*) +[0-9][0-9][0-9]/ { match($0, /[0-9][0-9][0-9]/); print substr($0, RSTART, 3); found=1; exit }
       !err && /<\*\* +[45][0-9][0-9][ -]/ { match($0, /[45][0-9][0-9]/); err=substr($0, RSTART, 3) }
       END { if (!found) print (err ? err : 0) }' "$1"
}
export -f run_one code_after_rcpt
export W TREE
cut -f1,2,3,5 "$W/scenarios.tsv" | tr '\t' '\n' | \
  xargs -d '\n' -n 4 -P "$PAR" bash -c 'run_one "$0" "$1" "$2" "$3"'
cut -f1 "$W/scenarios.tsv" | while IFS= read -r name; do cat "$W/out/$name/result.tsv" 2>/dev/null; done

# Delivery: the mailbox holds a message per delivered scenario (Subject names it).
if [ -d "$TREE/postfix" ]; then
  for _ in $(seq 1 100); do
    [ -z "$(find "$W/pf/spool/active" "$W/pf/spool/incoming" -type f 2>/dev/null | head -1)" ] && break
    sleep 0.1
  done
  # Note: Rspamd's rewrite_subject action prefixes the subject, so match anywhere in it.
  grep -ho '^Subject: .*RuleForge scenario [a-z0-9-]*' "$W/mail/inbox" 2>/dev/null | awk '{print "DELIVERED\t" $NF}'
  printf 'MAILLOG\t%s\n' "$(tail -c 3000 "$W/pf/maillog" | base64 -w0)"
  postfix stop > /dev/null 2>&1
fi
[ -f "$W/pids/spamd.pid" ] && kill "$(cat "$W/pids/spamd.pid")" 2>/dev/null
[ -f "$W/pids/rspamd.pid" ] && kill "$(cat "$W/pids/rspamd.pid")" 2>/dev/null
for port in 53 5353; do [ -f "$W/pids/dns$port.pid" ] && kill "$(cat "$W/pids/dns$port.pid")" 2>/dev/null; done
sleep 0.5
grep -h 'query\[' "$W"/dns*.log 2>/dev/null | sed 's/.*query\[\([A-Z]*\)\] \([^ ]*\) from \([^ ]*\).*/DNSQ\t\1\t\2\t\3/'
exit 0
