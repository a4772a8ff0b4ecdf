#!/usr/bin/perl
# RuleForge verify --live: DKIM-signs a message (relaxed/relaxed, rsa-sha256) with the run's key.
# Usage: sign.pl DOMAIN SELECTOR KEYFILE < message > signed
use strict;
use warnings;
use Mail::DKIM::Signer;
use Mail::DKIM::TextWrap;
my ($domain, $selector, $key) = @ARGV;
my $signer = Mail::DKIM::Signer->new(
  Algorithm => 'rsa-sha256', Method => 'relaxed', Domain => $domain, Selector => $selector, KeyFile => $key);
my @lines = <STDIN>;
for my $line (@lines) {
  (my $crlf = $line) =~ s/\r?\n\z/\r\n/;
  $signer->PRINT($crlf);
}
$signer->CLOSE;
print $signer->signature->as_string, "\r\n";
print map { (my $l = $_) =~ s/\r?\n\z/\r\n/; $l } @lines;
