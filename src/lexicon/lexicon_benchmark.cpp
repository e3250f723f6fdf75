// Micro-benchmarks of the lexicon queries the generator and scorer call per candidate name.
// Uses $SNAI_LEXICON when set, else builds the artifact from the Debian data into /tmp.
//
//   build/src/lexicon/lexicon_benchmark --benchmark_min_time=0.2
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "lexicon/lexicon.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "lexicon/pronunciation.hpp"

namespace snai::lexicon {
namespace {

std::filesystem::path artifact_path() {
  if (const char* env = std::getenv("SNAI_LEXICON")) return env;
  auto path = std::filesystem::temp_directory_path() / "snai_lexicon_benchmark.bin";
  if (!std::filesystem::exists(path)) {
    if (auto status = build_lexicon({}, path); !status) {
      std::fprintf(stderr, "%s\n", status.error().describe().c_str());
      std::exit(1);
    }
  }
  return path;
}

const Lexicon& lexicon() {
  static Lexicon lex = [] {
    auto opened = Lexicon::open(artifact_path());
    if (!opened) {
      std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
      std::exit(1);
    }
    return std::move(*opened);
  }();
  return lex;
}

void BM_Open(benchmark::State& state) {
  auto path = artifact_path();
  for (auto _ : state) benchmark::DoNotOptimize(Lexicon::open(path));
}
BENCHMARK(BM_Open)->Unit(benchmark::kMillisecond);

void BM_IsWord(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(lexicon().is_word("scribe"));
}
BENCHMARK(BM_IsWord);

void BM_Synonyms(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(lexicon().synonyms("doctor"));
}
BENCHMARK(BM_Synonyms);

void BM_Lemmatize(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(lexicon().lemmatize("doctors"));
}
BENCHMARK(BM_Lemmatize);

void BM_PronounceCmudict(benchmark::State& state) {
  Pronouncer pronouncer(lexicon());
  for (auto _ : state) benchmark::DoNotOptimize(pronouncer.pronounce("doctor"));
}
BENCHMARK(BM_PronounceCmudict);

void BM_PronounceEspeak(benchmark::State& state) {
  Pronouncer pronouncer(lexicon());
  for (auto _ : state) benchmark::DoNotOptimize(pronouncer.pronounce("quivr"));
}
BENCHMARK(BM_PronounceEspeak);

void BM_Rhymes(benchmark::State& state) {
  Pronouncer pronouncer(lexicon());
  for (auto _ : state) benchmark::DoNotOptimize(pronouncer.rhymes("note", 20));
}
BENCHMARK(BM_Rhymes);

}  // namespace
}  // namespace snai::lexicon

BENCHMARK_MAIN();
