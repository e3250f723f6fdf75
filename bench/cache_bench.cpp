// cache_bench: the response cache (src/cache/response_cache.hpp) under a Zipf(1.0) mix over
// 100,000 distinct requests. Prints the L1 hit ratio for a few L1 sizes, the median (and p99)
// latency of an L1 hit, and — when SNAI_TEST_REDIS_URL is set — the two-level hit ratio and
// the median latency of an L2 hit (Redis on loopback). Targets: hit ratio >= 90%,
// L1 hit <= 2 us, L2 hit <= 300 us (medians). `--quick` (CTest, label bench) runs fewer requests.
//
//   cache_bench [--quick] [--requests N] [--value-bytes B]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "cache/response_cache.hpp"
#include "core/id.hpp"

namespace {

using snai::bench::Clock;
using namespace snai::cache;

constexpr std::size_t kKeys = 100'000;

// Ranks 0..n-1 with P(r) proportional to 1/(r+1)^s.
class Zipf {
 public:
  Zipf(std::size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (std::size_t r = 0; r < n; ++r) cdf_[r] = (sum += 1.0 / std::pow(double(r + 1), s));
    for (auto& c : cdf_) c /= sum;
  }
  std::size_t operator()(std::mt19937_64& rng) const {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin(), cdf_.size() - 1);
  }

 private:
  std::vector<double> cdf_;
};

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  auto at = v.begin() + static_cast<std::ptrdiff_t>(p * double(v.size() - 1));
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

struct Run {
  double hit_ratio = 0, l1_ratio = 0, l1_p50_us = 0, l1_p99_us = 0, l2_p50_us = 0, l2_p99_us = 0;
  std::size_t entries = 0, bytes = 0;
};

Run run(ResponseCache& cache, const std::vector<std::string>& keys, const Zipf& zipf, std::size_t requests,
        std::size_t value_bytes, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  // Warm-up: a third of the requests, not measured.
  for (std::size_t i = 0; i < requests / 3; ++i) {
    const auto& key = keys[zipf(rng)];
    (void)cache.get_or_compute(key, [&]() -> snai::Result<Computed> { return Computed{std::string(value_bytes, 'x') + key}; });
  }
  std::vector<double> l1_us, l2_us;
  std::size_t hits = 0, l1_hits = 0;
  for (std::size_t i = 0; i < requests; ++i) {
    const auto& key = keys[zipf(rng)];
    const auto started = Clock::now();
    auto served =
        cache.get_or_compute(key, [&]() -> snai::Result<Computed> { return Computed{std::string(value_bytes, 'x') + key}; });
    const double us = std::chrono::duration<double, std::micro>(Clock::now() - started).count();
    if (served->level == CacheLevel::l1) {
      ++hits, ++l1_hits;
      l1_us.push_back(us);
    } else if (served->level == CacheLevel::l2) {
      ++hits;
      l2_us.push_back(us);
    }
  }
  auto stats = cache.stats();
  return {.hit_ratio = double(hits) / double(requests), .l1_ratio = double(l1_hits) / double(requests),
          .l1_p50_us = percentile(l1_us, 0.5), .l1_p99_us = percentile(l1_us, 0.99),
          .l2_p50_us = percentile(l2_us, 0.5), .l2_p99_us = percentile(l2_us, 0.99),
          .entries = stats.l1.entries, .bytes = stats.l1.bytes};
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::size_t requests = 2'000'000, value_bytes = 9'500;  // ~ a 20-name generate answer
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") quick = true;
    else if (arg == "--requests") requests = std::stoul(snai::bench::option_value(argc, argv, i));
    else if (arg == "--value-bytes") value_bytes = std::stoul(snai::bench::option_value(argc, argv, i));
    else {
      std::fprintf(stderr, "usage: cache_bench [--quick] [--requests N] [--value-bytes B]\n");
      return 2;
    }
  }
  if (quick) requests = 200'000;
  std::vector<std::string> keys;
  keys.reserve(kKeys);
  for (std::size_t i = 0; i < kKeys; ++i) keys.push_back("generate:0123456789abcdef:" + snai::sha256_hex(std::to_string(i)));
  const Zipf zipf(kKeys, 1.0);
  std::printf("cache_bench: Zipf(1.0) over %zu keys, %zu measured requests (+1/3 warm-up), values of %zu bytes\n",
              kKeys, requests, value_bytes);

  std::printf("\nL1 only (one thread, in process):\n  %-10s %9s %9s %10s %10s %10s\n", "L1 bound", "entries", "hit %",
              "p50 us", "p99 us", "target");
  for (std::size_t mib : quick ? std::vector<std::size_t>{64} : std::vector<std::size_t>{64, 256, 512}) {
    auto cache = ResponseCache::create({.l1 = {.max_bytes = mib << 20, .ttl = std::chrono::minutes(10)}}).value();
    Run r;
    snai::bench::on_one_core([&] { r = run(*cache, keys, zipf, requests, value_bytes, 42); });
    std::printf("  %4zu MiB   %9zu %8.1f%% %10.2f %10.2f   p50<=2us %s\n", mib, r.entries, 100 * r.l1_ratio, r.l1_p50_us,
                r.l1_p99_us, r.l1_p50_us <= 2.0 ? "ok" : "MISSED");
  }

  const char* url = std::getenv("SNAI_TEST_REDIS_URL");
  if (!url || !*url) {
    std::printf("\nL2: skipped (SNAI_TEST_REDIS_URL not set)\n");
    return 0;
  }
  const std::string token = snai::random_token(6);
  auto cache = ResponseCache::create({.l1 = {.max_bytes = 64u << 20},
                                      .redis_url = url,
                                      .redis_timeout = std::chrono::milliseconds(200),
                                      .l2_ttl = std::chrono::minutes(5),
                                      .names = {.key_prefix = "bench:cache:" + token + ":", .channel = "bench:" + token},
                                      .subscribe = false})
                   .value();
  Run r = run(*cache, keys, zipf, quick ? requests / 4 : requests / 2, value_bytes, 7);
  std::printf("\nL1 64 MiB + L2 Redis (%s):\n  hit ratio %.1f%% (L1 %.1f%%, L2 %.1f%%)   target >= 90%% %s\n", url,
              100 * r.hit_ratio, 100 * r.l1_ratio, 100 * (r.hit_ratio - r.l1_ratio), r.hit_ratio >= 0.9 ? "ok" : "MISSED");
  std::printf("  L1 hit p50 %.2f us; L2 hit p50 %.1f us, p99 %.1f us   target p50<=300us %s\n", r.l1_p50_us, r.l2_p50_us,
              r.l2_p99_us, r.l2_p50_us <= 300 ? "ok" : "MISSED");
  std::printf("  L2 errors %llu\n", static_cast<unsigned long long>(cache->stats().l2_errors));
  return 0;
}
