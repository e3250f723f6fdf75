// Reads a registry zone file (RFC 1035 master-file format, as published through ICANN CZDS)
// and reports every second-level name the zone delegates (an NS record owned by `label.tld.`).
// Handles $ORIGIN/$TTL, relative and absolute owners, `@`, blank owners (the previous one),
// optional TTL/class in either order, parentheses across lines, quotes and `;` comments.
// Names are lower-cased. Other records (glue A/AAAA, DS, RRSIG, NSEC...) are skipped.
// A malformed file fails with the line number in the message.
//
//   auto stats = snai::availability::read_zone_file("com.zone", "com",
//       [&](std::string_view label) { hashes.push_back(zone_label_hash(label)); });
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

#include "core/result.hpp"

namespace snai::availability {

struct ZoneFileStats {
  std::uint64_t lines = 0;
  std::uint64_t records = 0;
  std::uint64_t ns_records = 0;
  std::uint64_t delegations = 0;   // NS records of second-level names (duplicates included)
  std::uint64_t skipped = 0;       // other records, apex NS, deeper or out-of-zone owners
};

// Called once per delegating NS record with the second-level label (e.g. "example").
using DelegationSink = std::function<void(std::string_view label)>;
// Fraction of the file read so far.
using ZoneProgress = std::function<void(double fraction)>;

// Parses in-memory master-file text. `tld` is the zone's apex without dots ("com", "co.uk").
Result<ZoneFileStats> parse_zone_text(std::string_view text, std::string_view tld, const DelegationSink& sink,
                                      const ZoneProgress& progress = {});

// Memory-maps the file and parses it.
Result<ZoneFileStats> read_zone_file(const std::filesystem::path& file, std::string_view tld,
                                     const DelegationSink& sink, const ZoneProgress& progress = {});

}  // namespace snai::availability
