// charlm_bench: the character language model (src/charlm/char_model.hpp) — training time, size
// and held-out perplexity per order, then names scored per second and samples per second on one
// core (the thread pinned to CPU 0).
//
//   build/bench/charlm_bench --data build/test-var/data             # lexicon.bin (+ brands.tsv)
//   build/bench/charlm_bench --data var/data --orders 3,4,5,6,7,8    # pick the order
//   build/bench/charlm_bench --model var/data/charlm.bin --data var/data   # speed of a built model
//   build/bench/charlm_bench --quick     # seconds, synthetic words; exits 1 when scoring is far too slow (CTest)
//
// A tenth of the words (by a hash of the word) is held out of training; perplexity is per
// predicted symbol (letters and the end marker) over those words, each counted once.
#include <sched.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "charlm/char_model.hpp"
#include "charlm/training_words.hpp"

namespace {

using snai::bench::on_one_core;
using snai::bench::seconds_since;

using namespace snai::charlm;
using Clock = std::chrono::steady_clock;

struct Options {
  bool quick = false;
  std::filesystem::path data;   // dir with lexicon.bin and brands.tsv
  std::filesystem::path model;  // a built charlm.bin to measure instead of the trained default
  std::vector<int> orders = {3, 4, 5, 6, 7, 8};
};


std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

// Pronounceable-ish words from syllables, for --quick and runs without data.
std::vector<TrainingWord> synthetic_words(std::size_t count) {
  static const char* onsets[] = {"b", "br", "c", "ch", "d", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n",
                                 "p", "pl", "r", "s", "sh", "st", "str", "t", "th", "tr", "v", "w", "z", ""};
  static const char* vowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou", "y"};
  static const char* codas[] = {"", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng", "x"};
  std::mt19937_64 rng(9);
  std::vector<TrainingWord> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string w;
    for (std::size_t s = 1 + rng() % 3; s > 0; --s)
      w += std::string(onsets[rng() % std::size(onsets)]) + vowels[rng() % std::size(vowels)] + codas[rng() % std::size(codas)];
    out.push_back({w, static_cast<std::uint32_t>(1 + rng() % 3)});
  }
  return out;
}

double perplexity(const CharModel& m, const std::vector<std::string>& words) {
  double lp = 0, symbols = 0;
  for (const auto& w : words) {
    lp += m.log_prob(w);
    symbols += static_cast<double>(w.size() + 1);
  }
  return std::exp(-lp / symbols);
}

struct Speed {
  double names_per_s = 0;
  double mean_length = 0;
  double samples_per_s = 0;
};

Speed measure(const CharModel& m, const std::vector<std::string>& held_out, bool quick) {
  // What the quality model scores: generated names (samples) and real words, mixed.
  std::mt19937_64 rng(17);
  std::vector<std::string> names;
  for (std::size_t i = 0; names.size() < 100'000; ++i) {
    if (i % 2 == 0 && !held_out.empty())
      names.push_back(held_out[rng() % held_out.size()]);
    else if (auto s = m.sample(rng, {.min_length = 4, .max_length = 12}); !s.empty())
      names.push_back(std::move(s));
  }
  Speed out;
  for (const auto& n : names) out.mean_length += static_cast<double>(n.size());
  out.mean_length /= static_cast<double>(names.size());
  on_one_core([&] {
    volatile double sink = 0;
    double best = 0;
    for (int round = 0; round < (quick ? 2 : 5); ++round) {
      auto start = Clock::now();
      double sum = 0;
      for (const auto& n : names) sum += m.log_prob_per_char(n);
      sink = sink + sum;
      best = std::max(best, static_cast<double>(names.size()) / seconds_since(start));
    }
    out.names_per_s = best;
    std::mt19937_64 sampler(3);
    std::size_t made = 0;
    auto start = Clock::now();
    do {
      for (int i = 0; i < 1000; ++i) made += !m.sample(sampler, {.prefix = "med", .min_length = 5, .max_length = 9}).empty();
    } while (seconds_since(start) < (quick ? 0.2 : 1.0));
    out.samples_per_s = static_cast<double>(made) / seconds_since(start);
  });
  return out;
}

std::vector<int> numbers(const std::string& text) {
  std::vector<int> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find(',', start), text.size());
    out.push_back(std::stoi(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return snai::bench::option_value(argc, argv, i); };
    if (arg == "--quick") {
      o.quick = true;
      o.orders = {CharModelOptions{}.order};
    } else if (arg == "--data") {
      o.data = value();
    } else if (arg == "--model") {
      o.model = value();
    } else if (arg == "--orders") {
      o.orders = numbers(value());
    } else {
      std::fprintf(stderr, "usage: charlm_bench [--quick] [--data DIR] [--model charlm.bin] [--orders 3,4,5,6]\n");
      return 2;
    }
  }

  std::vector<TrainingWord> words;
  if (!o.data.empty()) {
    auto lexicon = snai::lexicon::Lexicon::open(o.data / "lexicon.bin");
    if (!lexicon) {
      std::fprintf(stderr, "%s\n", lexicon.error().describe().c_str());
      return 1;
    }
    words = lexicon_training_words(*lexicon);
    if (auto brands = snai::brands::BrandRegistry::load(o.data / "brands.tsv")) {
      auto more = brand_training_words(*brands);
      words.insert(words.end(), more.begin(), more.end());
    }
  } else {
    words = synthetic_words(o.quick ? 20'000 : 200'000);
  }
  std::vector<TrainingWord> train;
  std::vector<std::string> held_out;
  for (auto& w : words) {
    if (fnv1a(w.word) % 10 == 0)
      held_out.push_back(w.word);
    else
      train.push_back(std::move(w));
  }
  std::printf("%s: %zu training words, %zu held out\n", o.data.empty() ? "synthetic" : o.data.c_str(), train.size(),
              held_out.size());

  std::printf("%5s %9s %10s %9s %11s %12s %11s\n", "order", "train_s", "ngrams", "size_MB", "perplexity", "names/s",
              "samples/s");
  double slowest = 1e18;
  auto report = [&](const std::string& label, const CharModel& m, double train_s) {
    Speed s = measure(m, held_out, o.quick);
    slowest = std::min(slowest, s.names_per_s);
    std::printf("%5s %9.2f %10zu %9.1f %11.3f %12.0f %11.0f   (names of %.1f letters on average)\n", label.c_str(),
                train_s, m.ngram_count(), (m.memory_bytes() + 64) / 1e6, perplexity(m, held_out), s.names_per_s,
                s.samples_per_s, s.mean_length);
  };
  for (int order : o.orders) {
    auto start = Clock::now();
    auto m = CharModel::train(train, {.order = order});
    double train_s = seconds_since(start);
    if (!m) {
      std::fprintf(stderr, "%s\n", m.error().describe().c_str());
      return 1;
    }
    report(std::to_string(order), *m, train_s);
  }
  if (!o.model.empty()) {
    auto start = Clock::now();
    auto m = CharModel::load(o.model);
    if (!m) {
      std::fprintf(stderr, "%s\n", m.error().describe().c_str());
      return 1;
    }
    std::printf("loaded %s (order %d) in %.3f s; its perplexity counts words it was trained on\n", o.model.c_str(),
                m->order(), seconds_since(start));
    report("file", *m, 0);
  }
  // Far below the 1M names/s target even on a loaded machine: something broke.
  if (o.quick && slowest < 200'000) {
    std::fprintf(stderr, "scoring is too slow: %.0f names/s\n", slowest);
    return 1;
  }
  return 0;
}
