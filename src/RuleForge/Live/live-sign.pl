#!/usr/bin/perl
# RuleForge live harness: DKIM-signs test messages with the run's key (selector "rf").
# Usage: live-sign.pl KEYFILE < LIST, where each LIST line is "DOMAIN<TAB>IN<TAB>OUT".
# One process signs every message, so Perl starts once per run.
use strict;
use warnings;
use Mail::DKIM::Signer;
use Mail::DKIM::TextWrap;

my ($keyfile) = @ARGV;
die "usage: live-sign.pl KEYFILE < list\n" unless defined $keyfile;
my $failed = 0;
while (my $job = <STDIN>) {
  chomp $job;
  next if $job eq '';
  my ($domain, $in, $out) = split /\t/, $job;
  my $ok = eval {
    open(my $fh, '<', $in) or die "cannot read $in: $!\n";
    my @lines = map { my $l = $_; $l =~ s/\r?\n\z//; "$l\r\n" } <$fh>;
    close($fh);
    my $signer = Mail::DKIM::Signer->new(
      Algorithm => 'rsa-sha256', Method => 'relaxed', Domain => $domain,
      Selector => 'rf', KeyFile => $keyfile);
    $signer->PRINT($_) for @lines;
    $signer->CLOSE;
    open(my $oh, '>', $out) or die "cannot write $out: $!\n";
    print $oh $signer->signature->as_string, "\r\n", @lines;
    close($oh) or die "cannot write $out: $!\n";
    1;
  };
  if (!$ok) {
    print STDERR "signing $in failed: $@";
    $failed = 1;
  }
}
exit $failed;
