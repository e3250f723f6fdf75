// Zone-file index benchmark: writes a CZDS-style zone file with N delegated names (two NS
// records each, plus DS and glue lines), imports it with `import_zone` (the code behind
// `snai import zone`), then prints build time, index size, single-core lookups/s and the
// false-positive rate measured on names outside the zone.
//
//   zone_index_bench                 # 10,000,000 names (needs ~1 GB in $TMPDIR for the zone file)
//   zone_index_bench --names 100000  # any size; --quick = 200,000 names (CTest label bench)
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "availability/zone_index.hpp"

namespace {

using snai::availability::ZoneIndex;

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Name i: 6-15 letters/digits/hyphens drawn from a hash of i, like real second-level labels.
std::string name_of(std::uint64_t i) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::uint64_t h = splitmix(i), g = splitmix(i ^ 0xABCDEF);
  std::size_t length = 6 + h % 10;
  std::string s;
  for (std::size_t k = 0; k < length; ++k) {
    std::uint64_t& src = k < 6 ? h : g;
    src = splitmix(src);
    s += kAlphabet[src % (k == 0 ? 26 : 36)];
  }
  return s;
}

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t names = 10'000'000;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--quick") names = 200'000;
    else if (arg == "--names" && i + 1 < argc) names = std::strtoull(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: zone_index_bench [--quick | --names N]\n");
      return 2;
    }
  }
  auto dir = std::filesystem::temp_directory_path() / fmt::format("snai_zone_bench_{}", getpid());
  std::filesystem::create_directories(dir);
  auto zone = dir / "com.zone";
  auto index_path = dir / "com.zix";

  auto start = std::chrono::steady_clock::now();
  {
    std::FILE* f = std::fopen(zone.c_str(), "w");
    if (!f) return 1;
    std::fputs("$ORIGIN com.\n$TTL 86400\n"
               "com.\t900\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1700000000 1800 900 604800 86400\n"
               "com.\t172800\tin\tns\ta.gtld-servers.net.\n", f);
    for (std::uint64_t i = 0; i < names; ++i) {
      std::string n = name_of(i);
      std::uint64_t host = splitmix(i) % 5000;
      std::fprintf(f, "%s.com.\t172800\tin\tns\tns1.host%lu.net.\n%s.com.\t172800\tin\tns\tns2.host%lu.net.\n",
                   n.c_str(), host, n.c_str(), host);
      if (i % 10 == 0) std::fprintf(f, "%s.com.\t86400\tin\tds\t12345 13 2 4E1F0D5C3A2B19F8E7D6C5B4A3928170\n", n.c_str());
      if (i % 50 == 0) std::fprintf(f, "ns1.%s.com.\t172800\tin\ta\t192.0.2.%lu\n", n.c_str(), i % 250);
    }
    std::fclose(f);
  }
  auto zone_bytes = std::filesystem::file_size(zone);
  std::printf("zone file: %lu names, %.1f MB, generated in %.1f s\n", names, zone_bytes / 1e6, since(start));

  auto stats = snai::availability::import_zone(zone, "com", index_path);
  std::filesystem::remove(zone);
  if (!stats) {
    std::fprintf(stderr, "import failed: %s\n", stats.error().message.c_str());
    return 1;
  }
  const auto& info = stats->index;
  std::printf("import: parse %.2f s (%.0f MB/s, %lu lines), sort+write %.2f s, total %.2f s\n", stats->parse_seconds,
              zone_bytes / 1e6 / stats->parse_seconds, stats->file.lines, stats->build_seconds,
              stats->parse_seconds + stats->build_seconds);
  std::printf("index: %lu names, %.1f MB (%.2f bytes/name), 2^%u buckets, false-positive rate %.2e\n", info.names,
              info.file_bytes / 1e6, double(info.file_bytes) / double(info.names), info.bucket_bits,
              info.false_positive_rate);

  auto index = ZoneIndex::open(index_path);
  if (!index) return 1;
  // Queries: half members, half outsiders, in random order.
  const std::uint64_t queries = std::min<std::uint64_t>(4'000'000, names * 2);
  std::vector<std::string> query;
  query.reserve(queries);
  for (std::uint64_t q = 0; q < queries; ++q)
    query.push_back(q % 2 ? name_of(splitmix(q) % names) : name_of(q) + "-z");  // members have no hyphen

  std::uint64_t found = 0, missed_members = 0, outsiders_found = 0;
  start = std::chrono::steady_clock::now();
  for (int round = 0; round < 3; ++round)
    for (const auto& q : query) found += index->registered(q);
  double seconds = since(start);
  for (std::uint64_t q = 0; q < queries; ++q) {
    bool r = index->registered(query[q]);
    if (q % 2 && !r) ++missed_members;
    if (!(q % 2) && r) ++outsiders_found;
  }
  std::printf("lookups: %.2f M/s on one core (%lu lookups in %.2f s; %lu found)\n", 3.0 * queries / seconds / 1e6,
              3 * queries, seconds, found);
  std::printf("members missed: %lu of %lu (must be 0); outsiders reported registered: %lu of %lu\n", missed_members,
              queries / 2, outsiders_found, queries / 2);
  std::filesystem::remove_all(dir);
  return missed_members == 0 ? 0 : 1;
}
