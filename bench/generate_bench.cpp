// generate_bench: naming end to end on one core — for each of 20 varied descriptions, expand,
// produce and score the candidates (500 by default) and rank them, uncached; prints p50/p99/max
// request time and candidates per request. Targets: p50 <= 20 ms, p99 <= 50 ms.
//
//   build/bench/generate_bench --data build/test-var           # data dir with data/*.bin
//   build/bench/generate_bench --data var --rounds 10 --candidates 500
//   build/bench/generate_bench --quick                         # SNAI_TEST_DATA_DIR, 2 rounds (CTest)
//   build/bench/generate_bench --data var --rounds 1 --count 500 --dump names.tsv   # every ranked name
//
// The first round warms the memory-mapped artifacts and is not counted. Each request uses a
// fresh seed, so no two are alike; nothing is cached between requests. Besides the wall time it
// prints the thread's CPU time per request, which other processes on a busy machine inflate far
// less: compare builds by it when the machine is shared.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "naming/knowledge.hpp"
#include "naming/namer.hpp"
#include "naming/testing/descriptions.hpp"

namespace {

using snai::bench::Clock;

struct Options {
  std::string data;
  int rounds = 10;
  int candidates = 500;
  int count = 20;
  bool quick = false;
  std::string dump;  // when set: every ranked name of every request, to compare two builds' output
};

// CPU time of the calling thread, in milliseconds.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

double percentile(std::vector<double> values, double p) {
  std::ranges::sort(values);
  if (values.empty()) return 0;
  auto i = static_cast<std::size_t>(p * double(values.size() - 1) + 0.5);
  return values[std::min(i, values.size() - 1)];
}

// One whole benchmark run; returns the exit code.
int run(const Options& options) {
  snai::Config config;
  config.storage.data_dir = options.data;
  auto knowledge = snai::naming::load_knowledge(config);
  if (!knowledge) {
    std::fprintf(stderr, "cannot load the naming data from %s: %s\n", options.data.c_str(),
                 knowledge.error().describe().c_str());
    return 1;
  }
  std::printf("data: %s (ready in %.0f ms; CPU: artifacts loaded in %.0f ms, derived indexes built in %.0f ms; "
              "character model %s)\n",
              options.data.c_str(), (*knowledge)->ready_ms, (*knowledge)->load_ms, (*knowledge)->derive_ms,
              (*knowledge)->char_model ? "yes" : "MISSING");
  snai::naming::Namer namer(**knowledge, {.budget = std::chrono::milliseconds(5000),
                                          .min_candidates = std::size_t(options.candidates)});

  std::FILE* dump = options.dump.empty() ? nullptr : std::fopen(options.dump.c_str(), "w");
  if (!options.dump.empty() && dump == nullptr) {
    std::fprintf(stderr, "cannot write %s\n", options.dump.c_str());
    return 1;
  }
  std::vector<double> times, cpu_times;
  std::size_t candidates = 0, requests = 0;
  std::uint64_t seed = 1;
  for (int round = 0; round <= options.rounds; ++round) {
    for (auto description : snai::naming::testing::kDescriptions) {
      auto started = Clock::now();
      double cpu_started = thread_cpu_ms();
      auto result = namer.generate({.description = std::string(description), .count = options.count, .seed = seed++});
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
      double cpu_ms = thread_cpu_ms() - cpu_started;
      if (!result) {
        std::fprintf(stderr, "%s: %s\n", std::string(description).c_str(), result.error().describe().c_str());
        return 1;
      }
      if (dump) {
        std::fprintf(dump, "# %s (seed %llu): %zu candidates\n", std::string(description).c_str(),
                     static_cast<unsigned long long>(seed - 1), result->candidates);
        for (const auto& n : result->names)
          std::fprintf(dump, "%s\t%s\t%.9g\t%.9g\n", n.candidate.name.c_str(),
                       std::string(snai::generate::to_string(n.candidate.style)).c_str(), n.score.score,
                       n.candidate.relevance);
      }
      if (round == 0) continue;  // warm-up
      times.push_back(ms);
      cpu_times.push_back(cpu_ms);
      candidates += result->candidates;
      ++requests;
    }
  }
  double p50 = percentile(times, 0.5), p99 = percentile(times, 0.99), worst = percentile(times, 1.0);
  if (dump) std::fclose(dump);
  std::printf("requests: %zu (%zu descriptions x %d rounds), one core, uncached\n", requests,
              snai::naming::testing::kDescriptions.size(), options.rounds);
  std::printf("candidates scored per request: %.0f (asked for %d)\n", double(candidates) / double(requests),
              options.candidates);
  std::printf("request time: p50 %.2f ms  p99 %.2f ms  max %.2f ms  (targets: p50 <= 20, p99 <= 50)\n", p50, p99, worst);
  std::printf("request CPU time (this thread): p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", percentile(cpu_times, 0.5),
              percentile(cpu_times, 0.99), percentile(cpu_times, 1.0));
  // --quick only guards against collapse (CTest runs it beside other tests on a busy machine).
  if (options.quick && p50 > 500) {
    std::fprintf(stderr, "p50 %.0f ms: far too slow\n", p50);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&] { return snai::bench::option_value(argc, argv, i); };
    if (arg == "--data") options.data = next();
    else if (arg == "--rounds") options.rounds = std::atoi(next().c_str());
    else if (arg == "--candidates") options.candidates = std::atoi(next().c_str());
    else if (arg == "--count") options.count = std::atoi(next().c_str());
    else if (arg == "--quick") options.quick = true;
    else if (arg == "--dump") options.dump = next();
    else {
      std::fprintf(stderr, "usage: generate_bench [--data DIR] [--rounds N] [--candidates N] [--count N] [--quick] [--dump FILE]\n");
      return 2;
    }
  }
  if (options.data.empty()) {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    options.data = dir ? dir : "var";
  }
  if (options.quick) options.rounds = 2;
  int exit_code = 1;
  snai::bench::on_one_core([&] { exit_code = run(options); });  // one core, as the targets say
  return exit_code;
}
