# A synthetic mail log for diagnose's benchmark (bench/diagnose-run) and for the check that the
# native build reads logs as the portable one does (scripts/test):
#
#   awk -v seed=7 -v lines=200000 -f bench/mail-log.awk > mail.log
#
# Mostly lines diagnose drops (connects, deliveries, queue manager, other programs) with a
# realistic share of every kind it reads. Addresses are documentation ranges.
# About 2% of clients are in the example policy's trusted ranges (192.0.2.0/26), the rest outside.
function client() {
  if (rand() < 0.02) return "192.0.2." int(1 + rand() * 60)
  return (rand() < 0.5) ? "198.51.100." int(200 + rand() * 50) : "203.0.113." int(100 + rand() * 150)
}
function pick(a, n) { return a[int(rand() * n) + 1] }
BEGIN {
  srand(seed)
  split("zen.spamhaus.org bl.spamcop.net b.barracudacentral.org", zones, " ")
  split("example.org example.com example.net mail.example.org", doms, " ")
  if (lines == "") lines = 200000
  for (i = 0; i < lines; i++) {
    s = sprintf("%02d", i % 60); m = sprintf("%02d", int(i / 60) % 60)
    ts = "Dec  4 15:" m ":" s; host = "mx1"
    q = sprintf("%X%05X", 10 + i % 6, i)
    ip = client(); dom = pick(doms, 4); r = rand()
    if (r < 0.14) {
      print ts " " host " postfix/smtpd[" 3000 + i % 50 "]: connect from mail." dom "[" ip "]"
    } else if (r < 0.28) {
      print ts " " host " postfix/smtpd[" 3000 + i % 50 "]: disconnect from mail." dom "[" ip "] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"
    } else if (r < 0.38) {
      print ts " " host " postfix/smtp[" 4000 + i % 20 "]: " q ": to=<user" i % 97 "@" dom ">, relay=mx." dom "[" ip "]:25, delay=0.4, delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as " q ")"
    } else if (r < 0.46) {
      print ts " " host " postfix/qmgr[900]: " q ": removed"
    } else if (r < 0.52) {
      print ts " " host " postfix/local[" 5000 + i % 10 "]: " q ": to=<user" i % 97 "@example.net>, relay=local, delay=0.2, dsn=2.0.0, status=sent (delivered to mailbox)"
    } else if (r < 0.60) {
      print ts " " host " dovecot: imap-login: Login: user=<user" i % 97 "@example.net>, method=PLAIN, rip=" ip ", lip=203.0.113.25, mpid=" i ", TLS"
    } else if (r < 0.64) {
      print ts " " host " CRON[" 6000 + i % 100 "]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)"
    } else if (r < 0.68) {
      print ts " " host " kernel: [" i ".123456] audit: type=1400 apparmor=\"ALLOWED\" operation=\"open\" profile=\"/usr/sbin/named\""
    } else if (r < 0.73) {
      print ts " " host " postfix/postscreen[1200]: CONNECT from [" ip "]:" 40000 + i % 20000 " to [203.0.113.25]:25"
    } else if (r < 0.77) {
      print ts " " host " postfix/postscreen[1200]: PASS OLD [" ip "]:" 40000 + i % 20000
    } else if (r < 0.80) {
      print ts " " host " postfix/smtpd[" 3000 + i % 50 "]: " q ": client=mail." dom "[" ip "]"
    } else if (r < 0.83) {
      print ts " " host " postfix/cleanup[" 3500 + i % 10 "]: " q ": message-id=<" q "@" dom ">"
    } else if (r < 0.86) {
      print ts " " host " postfix/qmgr[900]: " q ": from=<news@" dom ">, size=" 1000 + i % 9000 ", nrcpt=1 (queue active)"
    } else if (r < 0.88) {
      print ts " " host " postfix/postscreen[1200]: DISCONNECT [" ip "]:" 40000 + i % 20000
    } else if (r < 0.89) {
      print ts " " host " postfix/dnsblog[1201]: addr " ip " listed by domain " pick(zones, 3) " as 127.0.0." 2 + int(rand() * 10)
    } else if (r < 0.895) {
      print ts " " host " postfix/postscreen[1200]: DNSBL rank " 1 + int(rand() * 12) " for [" ip "]:" 40000 + i % 20000
    } else if (r < 0.90) {
      print ts " " host " postfix/postscreen[1200]: NOQUEUE: reject: RCPT from [" ip "]:" 40000 + i % 20000 ": 550 5.7.1 Service unavailable; client [" ip "] blocked using zen.spamhaus.org; from=<x@" dom ">, to=<user@example.net>, proto=ESMTP, helo=<mail." dom ">"
    } else if (r < 0.905) {
      print ts " " host " postfix/smtpd[" 3000 + i % 50 "]: NOQUEUE: reject: RCPT from mail." dom "[" ip "]: 554 5.7.1 Service unavailable; Client host [" ip "] blocked using " pick(zones, 3) "; from=<news@" dom "> to=<user@example.net> proto=ESMTP helo=<mail." dom ">"
    } else if (r < 0.9055) {
      print ts " " host " postfix/smtpd[" 3000 + i % 50 "]: NOQUEUE: reject: RCPT from mail." dom "[" ip "]: 554 5.7.1 Service unavailable; Client host [" ip "] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/203.0.113.1/; from=<news@" dom "> to=<user@example.net> proto=ESMTP helo=<mail." dom ">"
    } else if (r < 0.93) {
      act = (rand() < 0.2) ? "reject): [16.40/15.00]" : "no action): [1.20/15.00]"
      print ts " " host " rspamd[800]: <" q ">; task; rspamd_task_write_log: id: <" q "@" dom ">, qid: <" q ">, ip: " ip ", from: <news@" dom ">, (default: F (" act " [RBL_SPAMHAUS_ZEN(6.50){" ip ".zen.spamhaus.org : 127.0.0.2;},R_SPF_ALLOW(-0.20){+ip4:" ip ";},MIME_GOOD(-0.10){text/plain;},ARC_NA(0.00){},FROM_EQ_ENVFROM(0.00){}]), len: 2345, time: 120.5ms, dns req: 12, digest: <0123456789abcdef>, rcpts: <user@example.net>, mime_rcpts: <user@example.net>"
    } else if (r < 0.94) {
      print ts " " host " spamd[" 7000 + i % 4 "]: spamd: checking message <" q "@" dom "> for debian-spamd:114"
    } else if (r < 0.95) {
      print ts " " host " spamd[" 7000 + i % 4 "]: spamd: result: " ((rand() < 0.3) ? "Y 9" : ". 2") " - RCVD_IN_ZEN,HTML_MESSAGE,SPF_PASS scantime=0.4,size=2345,user=debian-spamd,uid=114,required_score=5.0,rhost=localhost,raddr=127.0.0.1,rport=40000,mid=<" q "@" dom ">,autolearn=no"
    } else {
      print ts " " host " sshd[" 8000 + i % 100 "]: Connection closed by " ip " port " 50000 + i % 10000 " [preauth]"
    }
  }
}
