// The offline zone-file index: every second-level name a TLD's zone delegates, kept as sorted
// 32-bit fingerprints in 2^b buckets (the top b bits of a 64-bit hash pick the bucket), in one
// memory-mapped file. A lookup hashes the label, reads one bucket offset pair and scans ~5-10
// fingerprints: millions of lookups per second on one core, ~4.4 bytes per name.
//
// It errs only towards "registered": every delegated name is found; a name that is not in the
// zone is reported registered with probability false_positive_rate() ≈ names / 2^(b+32)
// (≈ 2e-9 for 10 million names), and the caller then asks DNS. It never says "free" for a
// delegated name. Names that are registered but not delegated (on hold) are not in a zone file
// at all, which is why `false` means "not in the zone", not "available".
//
//   auto stats = snai::availability::import_zone("com.zone", "com", "var/zones/com.zix", &progress);
//   auto index = snai::availability::ZoneIndex::open("var/zones/com.zix");
//   if (index->registered("example")) ...
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "availability/zone_file.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"

namespace snai::availability {

// The 64-bit hash the index is keyed by (stable across builds and machines; part of the format).
std::uint64_t zone_label_hash(std::string_view label);

struct ZoneIndexInfo {
  std::string tld;
  std::uint64_t names = 0;         // distinct fingerprints stored
  std::uint32_t bucket_bits = 0;
  std::int64_t built_unix_ms = 0;
  std::uint64_t file_bytes = 0;
  double false_positive_rate = 0;  // chance that a name outside the zone is reported registered
};

class ZoneIndex {
 public:
  static Result<ZoneIndex> open(const std::filesystem::path& path);

  ZoneIndex(ZoneIndex&& other) noexcept;
  ZoneIndex& operator=(ZoneIndex&& other) noexcept;
  ZoneIndex(const ZoneIndex&) = delete;
  ZoneIndex& operator=(const ZoneIndex&) = delete;
  ~ZoneIndex();

  // `label` is the lower-case second-level label without the TLD ("example" for example.com).
  bool registered(std::string_view label) const { return contains_hash(zone_label_hash(label)); }
  bool contains_hash(std::uint64_t hash) const;

  const ZoneIndexInfo& info() const { return info_; }

 private:
  ZoneIndex() = default;
  void release();

  void* map_ = nullptr;
  std::size_t map_bytes_ = 0;
  const std::uint32_t* offsets_ = nullptr;       // 2^b + 1 entries
  const std::uint32_t* fingerprints_ = nullptr;  // `names` entries, sorted within each bucket
  std::uint32_t bucket_bits_ = 1;
  ZoneIndexInfo info_;
};

// Writes an index of `hashes` (any order, duplicates allowed; sorted in place) to `out`
// atomically (a temporary file renamed over it).
Status write_zone_index(std::vector<std::uint64_t>& hashes, std::string_view tld, const std::filesystem::path& out);

struct ZoneImportStats {
  ZoneFileStats file;
  ZoneIndexInfo index;
  double parse_seconds = 0;
  double build_seconds = 0;  // sort + write
};

// `snai import zone FILE --tld com`: parses the zone file and writes its index to `out`.
// A malformed file fails with the line number and leaves any existing index untouched.
Result<ZoneImportStats> import_zone(const std::filesystem::path& zone_file, std::string_view tld,
                                    const std::filesystem::path& out, Progress* progress = nullptr);

// Where the product keeps the index of one TLD: <data_dir>/zones/<tld>.zix
std::filesystem::path zone_index_path(const std::filesystem::path& data_dir, std::string_view tld);

}  // namespace snai::availability
