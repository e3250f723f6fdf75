#include "availability/zone_index.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.hpp"
#include "core/file_io.hpp"

namespace snai::availability {
namespace {

// File layout (little-endian): Header, offsets[2^b + 1] (uint32), fingerprints[names] (uint32).
constexpr char kMagic[8] = {'S', 'N', 'A', 'I', 'Z', 'I', 'X', '1'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kFingerprintBits = 32;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t bucket_bits;
  std::uint64_t names;
  std::int64_t built_unix_ms;
  char tld[64];
  std::uint8_t reserved[32];
};
static_assert(sizeof(Header) == 128);

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// About 8 names per bucket keeps the offset table under half a byte per name.
std::uint32_t bucket_bits_for(std::uint64_t names) {
  std::uint64_t buckets = std::max<std::uint64_t>(names / 8, 2);
  return std::clamp<std::uint32_t>(static_cast<std::uint32_t>(std::bit_width(buckets) - 1), 1, 28);
}

double false_positive_rate(std::uint64_t names, std::uint32_t bucket_bits) {
  return -std::expm1(static_cast<double>(names) * std::log1p(-std::ldexp(1.0, -int(bucket_bits + kFingerprintBits))));
}

// The top b + 32 bits of the hash: bucket in the high part, fingerprint in the low 32 bits.
std::uint64_t key_of(std::uint64_t hash, std::uint32_t bucket_bits) { return hash >> (32 - bucket_bits); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::uint64_t zone_label_hash(std::string_view label) {
  const char* p = label.data();
  std::size_t n = label.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = mix(h ^ w);
  }
  std::uint64_t w = 0;
  std::memcpy(&w, p + i, n - i);
  return mix(h ^ w ^ (static_cast<std::uint64_t>(n - i) << 56));
}

Result<ZoneIndex> ZoneIndex::open(const std::filesystem::path& path) {
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("zone index {}: {}", path.string(), why), "zone_index");
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(ErrorCode::not_found, fmt::format("no zone index at {}", path.string()), "zone_index");
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return corrupt("cannot stat");
  }
  auto size = static_cast<std::size_t>(st.st_size);
  if (size < sizeof(Header)) {
    ::close(fd);
    return corrupt("shorter than its header");
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return fail(ErrorCode::unavailable, fmt::format("cannot map {}", path.string()));
  ZoneIndex index;
  index.map_ = map;
  index.map_bytes_ = size;
  Header header;
  std::memcpy(&header, map, sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) return corrupt("not a zone index (bad magic)");
  if (header.version != kVersion) return corrupt(fmt::format("format version {} (expected {})", header.version, kVersion));
  if (header.bucket_bits < 1 || header.bucket_bits > 28) return corrupt("bad bucket count");
  std::uint64_t buckets = 1ULL << header.bucket_bits;
  std::uint64_t expected = sizeof(Header) + 4 * (buckets + 1) + 4 * header.names;
  if (expected != size) return corrupt(fmt::format("{} bytes, expected {}", size, expected));
  index.bucket_bits_ = header.bucket_bits;
  index.offsets_ = reinterpret_cast<const std::uint32_t*>(static_cast<const char*>(map) + sizeof(Header));
  index.fingerprints_ = index.offsets_ + buckets + 1;
  // A bad offset table would send lookups outside the mapping: check it once here.
  if (index.offsets_[0] != 0 || index.offsets_[buckets] != header.names) return corrupt("bad offset table");
  for (std::uint64_t b = 0; b < buckets; ++b)
    if (index.offsets_[b] > index.offsets_[b + 1]) return corrupt("offset table not sorted");
  header.tld[sizeof header.tld - 1] = '\0';
  index.info_ = {.tld = header.tld,
                 .names = header.names,
                 .bucket_bits = header.bucket_bits,
                 .built_unix_ms = header.built_unix_ms,
                 .file_bytes = size,
                 .false_positive_rate = false_positive_rate(header.names, header.bucket_bits)};
  ::madvise(map, size, MADV_RANDOM);
  return index;
}

ZoneIndex::ZoneIndex(ZoneIndex&& other) noexcept { *this = std::move(other); }

ZoneIndex& ZoneIndex::operator=(ZoneIndex&& other) noexcept {
  if (this != &other) {
    release();
    map_ = std::exchange(other.map_, nullptr);
    map_bytes_ = std::exchange(other.map_bytes_, 0);
    offsets_ = std::exchange(other.offsets_, nullptr);
    fingerprints_ = std::exchange(other.fingerprints_, nullptr);
    bucket_bits_ = other.bucket_bits_;
    info_ = std::move(other.info_);
  }
  return *this;
}

ZoneIndex::~ZoneIndex() { release(); }

void ZoneIndex::release() {
  if (map_) ::munmap(map_, map_bytes_);
  map_ = nullptr;
}

bool ZoneIndex::contains_hash(std::uint64_t hash) const {
  std::uint64_t key = key_of(hash, bucket_bits_);
  auto bucket = static_cast<std::uint32_t>(key >> kFingerprintBits);
  auto fingerprint = static_cast<std::uint32_t>(key);
  const std::uint32_t* it = fingerprints_ + offsets_[bucket];
  const std::uint32_t* end = fingerprints_ + offsets_[bucket + 1];
  for (; it != end && *it < fingerprint; ++it) {
  }
  return it != end && *it == fingerprint;
}

Status write_zone_index(std::vector<std::uint64_t>& hashes, std::string_view tld, const std::filesystem::path& out) {
  if (tld.size() >= sizeof(Header::tld)) return fail(ErrorCode::invalid_argument, "TLD is too long", "tld");
  std::uint32_t bits = bucket_bits_for(hashes.size());
  std::sort(hashes.begin(), hashes.end());
  std::vector<std::uint32_t> fingerprints;
  fingerprints.reserve(hashes.size());
  std::vector<std::uint32_t> offsets((1ULL << bits) + 1, 0);
  std::uint64_t previous = ~0ULL;
  for (std::uint64_t hash : hashes) {
    std::uint64_t key = key_of(hash, bits);
    if (key == previous) continue;
    previous = key;
    ++offsets[(key >> kFingerprintBits) + 1];
    fingerprints.push_back(static_cast<std::uint32_t>(key));
  }
  if (fingerprints.size() > 0xFFFFFFFFULL)
    return fail(ErrorCode::invalid_argument, "more than 4 billion names in one zone", "file");
  for (std::size_t b = 1; b < offsets.size(); ++b) offsets[b] += offsets[b - 1];

  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kVersion;
  header.bucket_bits = bits;
  header.names = fingerprints.size();
  header.built_unix_ms = now_unix_ms();
  std::memcpy(header.tld, tld.data(), tld.size());

  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  const std::string_view parts[] = {
      {reinterpret_cast<const char*>(&header), sizeof header},
      {reinterpret_cast<const char*>(offsets.data()), offsets.size() * 4},
      {reinterpret_cast<const char*>(fingerprints.data()), fingerprints.size() * 4}};
  return write_file_atomically(out, parts);
}

Result<ZoneImportStats> import_zone(const std::filesystem::path& zone_file, std::string_view tld,
                                    const std::filesystem::path& out, Progress* progress) {
  ZoneImportStats stats;
  std::vector<std::uint64_t> hashes;
  std::error_code ec;
  auto file_bytes = std::filesystem::file_size(zone_file, ec);
  if (!ec) hashes.reserve(file_bytes / 64);  // CZDS zones carry 2+ NS lines of ~35 bytes per name
  // NS records of one owner are adjacent in a zone file: hash each owner once.
  std::string last_label;
  auto sink = [&](std::string_view label) {
    if (label == last_label) return;
    last_label.assign(label);
    hashes.push_back(zone_label_hash(label));
  };
  auto start = std::chrono::steady_clock::now();
  if (progress) progress->begin_stage("parse zone file", 1, 2);
  auto parsed = read_zone_file(zone_file, tld, sink, [&](double fraction) {
    if (progress) progress->update(fraction, zone_file.filename().string());
  });
  if (!parsed) return fail(parsed.error());
  stats.file = *parsed;
  stats.parse_seconds = seconds_since(start);
  if (progress) progress->end_stage(fmt::format("{} delegations in {:.1f} s", parsed->delegations, stats.parse_seconds));

  start = std::chrono::steady_clock::now();
  if (progress) progress->begin_stage("build index", 2, 2);
  if (auto st = write_zone_index(hashes, tld, out); !st) return fail(st.error());
  stats.build_seconds = seconds_since(start);
  auto index = ZoneIndex::open(out);
  if (!index) return fail(index.error());
  stats.index = index->info();
  if (progress)
    progress->end_stage(fmt::format("{} names, {:.1f} MB in {:.1f} s", stats.index.names,
                                    static_cast<double>(stats.index.file_bytes) / 1e6, stats.build_seconds));
  return stats;
}

std::filesystem::path zone_index_path(const std::filesystem::path& data_dir, std::string_view tld) {
  return data_dir / "zones" / (std::string(tld) + ".zix");
}

}  // namespace snai::availability
