// vector_index_bench: recall@10 against exact search and single-core queries/s of VectorIndex
// (HNSW) at 100k and 200k vectors, plus the speed of Embeddings::vector().
//
//   build/bench/vector_index_bench              # full table (several minutes), see bench/README.md
//   build/bench/vector_index_bench --quick      # seconds; exits 1 when recall collapses (CTest)
//   build/bench/vector_index_bench --data clustered --sizes 100000,200000 --M 16,32 --ef 64,128
//   build/bench/vector_index_bench --data embeddings --embeddings-model var/data/embeddings.bin
//
// The index is built with all cores (add_batch), then queried from one thread pinned to CPU 0.
// It is built once per (data, M) up to the largest size and measured at every size on the way.
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/testing/synthetic.hpp"
#include "semantic/vector_index.hpp"

namespace {

using snai::bench::on_one_core;
using snai::bench::seconds_since;

using namespace snai::semantic;
using Clock = std::chrono::steady_clock;

struct Options {
  bool quick = false;
  int dim = 100;
  std::vector<std::size_t> sizes = {100'000, 200'000};
  std::vector<std::string> data = {"random", "clustered"};
  std::vector<int> Ms = {16, 32};
  std::vector<int> efs = {16, 32, 64, 128, 256};
  int ef_construction = 200;
  std::size_t queries = 1000;
  std::string embeddings_model;  // empty: train a small synthetic model
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find(',', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

template <class T>
std::vector<T> numbers(const std::string& text) {
  std::vector<T> out;
  for (const auto& s : split(text)) out.push_back(static_cast<T>(std::stoll(s)));
  return out;
}


std::span<const float> row(const std::vector<float>& data, std::size_t i, int dim) {
  return std::span<const float>(data).subspan(i * static_cast<std::size_t>(dim), static_cast<std::size_t>(dim));
}

// Exact top-10 of every query, computed on all cores.
std::vector<std::vector<Neighbor>> ground_truth(const VectorIndex& index, const std::vector<float>& queries,
                                                std::size_t count, int dim) {
  std::vector<std::vector<Neighbor>> truth(count);
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t q = next++; q < count; q = next++) truth[q] = *index.brute_force_search(row(queries, q, dim), 10);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) pool.emplace_back(run);
  run();
  pool.clear();
  return truth;
}

struct Measurement {
  double recall = 0;
  double qps = 0;
};

Measurement measure(const VectorIndex& index, const std::vector<float>& queries, std::size_t count, int dim,
                    const std::vector<std::vector<Neighbor>>& truth, double min_seconds) {
  Measurement m;
  on_one_core([&] {
    for (std::size_t q = 0; q < count; ++q) m.recall += recall_at_k(*index.search(row(queries, q, dim), 10), truth[q]);
    m.recall /= static_cast<double>(count);
    std::size_t done = 0;
    const auto start = Clock::now();
    do {
      for (std::size_t q = 0; q < count; ++q) {
        auto hits = index.search(row(queries, q, dim), 10);
        if (!hits || hits->empty()) std::abort();
      }
      done += count;
    } while (seconds_since(start) < min_seconds);
    m.qps = static_cast<double>(done) / seconds_since(start);
  });
  return m;
}

// Real embedding vectors: every vocabulary word of a trained model, then invented names (blends
// of two words: a prefix of one and a suffix of another, like the generator makes) up to `n`.
// Queries are other blends and words from a different seed — what the index answers in use.
std::vector<float> embedding_vectors(const Embeddings& emb, std::size_t n, std::uint64_t seed, bool words_first) {
  const auto vocabulary = emb.vocabulary();
  std::vector<float> out;
  out.reserve(n * static_cast<std::size_t>(emb.dim()));
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
  auto push = [&](const std::string& text) {
    auto v = emb.vector(text);
    if (std::all_of(v.begin(), v.end(), [](float x) { return x == 0.0f; })) return;
    out.insert(out.end(), v.begin(), v.end());
  };
  std::size_t count = 0;
  for (std::size_t i = 0; words_first && i < vocabulary.size() && count < n; ++i, ++count) push(vocabulary[i].word);
  while (out.size() < n * static_cast<std::size_t>(emb.dim())) {
    const std::string& a = vocabulary[pick(rng)].word;
    const std::string& b = vocabulary[pick(rng)].word;
    if (rng() % 4 == 0) {
      push(a);
      continue;
    }
    push(a.substr(0, std::max<std::size_t>(2, (a.size() + 1) / 2)) + b.substr(b.size() / 2));
  }
  return out;
}

// Returns the worst recall seen at ef >= 64 on clustered data (the --quick health check).
double run_index_table(const Options& o) {
  std::printf("HNSW (hnswlib via VectorIndex): build with %u threads, queries on 1 thread pinned to CPU 0, k=10\n",
              std::max(1u, std::thread::hardware_concurrency()));
  std::printf("%-10s %8s %4s %4s %6s %6s %9s %10s %12s\n", "data", "N", "dim", "M", "ef_c", "ef_s", "build_s",
              "recall@10", "queries/s");
  double worst = 1.0;
  const std::size_t largest = *std::max_element(o.sizes.begin(), o.sizes.end());
  for (const auto& kind : o.data) {
    const bool clustered = kind == "clustered";
    int dim = o.dim;
    std::vector<float> base, queries;
    if (kind == "embeddings") {
      auto emb = Embeddings::load(o.embeddings_model);
      if (!emb) {
        std::fprintf(stderr, "--data embeddings needs --embeddings-model: %s\n", emb.error().describe().c_str());
        std::exit(2);
      }
      dim = emb->dim();
      base = embedding_vectors(*emb, largest, 2, true);
      queries = embedding_vectors(*emb, o.queries, 3, false);
    } else if (clustered) {
      base = testing::clustered_vectors(largest, dim, 1, 2);
      queries = testing::clustered_vectors(o.queries, dim, 1, 3);
    } else {
      base = testing::random_unit_vectors(largest, dim, 2);
      queries = testing::random_unit_vectors(o.queries, dim, 3);
    }
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < largest; ++i) labels.push_back(std::to_string(i));
    for (int M : o.Ms) {
      auto index = VectorIndex::create({.dim = dim, .max_elements = largest, .M = M, .ef_construction = o.ef_construction});
      if (!index) {
        std::fprintf(stderr, "%s\n", index.error().describe().c_str());
        std::exit(2);
      }
      double build_seconds = 0;
      std::size_t built = 0;
      for (std::size_t size : o.sizes) {
        const auto start = Clock::now();
        auto added = index->add_batch(std::span(labels).subspan(built, size - built),
                                      std::span<const float>(base).subspan(built * dim, (size - built) * dim));
        if (!added) {
          std::fprintf(stderr, "%s\n", added.error().describe().c_str());
          std::exit(2);
        }
        build_seconds += seconds_since(start);
        built = size;
        const auto truth = ground_truth(*index, queries, o.queries, dim);
        for (int ef : o.efs) {
          index->set_ef_search(ef);
          const Measurement m = measure(*index, queries, o.queries, dim, truth, o.quick ? 0.2 : 1.0);
          std::printf("%-10s %8zu %4d %4d %6d %6d %9.1f %10.4f %12.0f\n", kind.c_str(), size, dim, M,
                      o.ef_construction, ef, build_seconds, m.recall, m.qps);
          std::fflush(stdout);
          if (clustered && ef >= 64) worst = std::min(worst, m.recall);
        }
      }
    }
  }
  return worst;
}

void run_embeddings_speed(const Options& o) {
  namespace fs = std::filesystem;
  fs::path model = o.embeddings_model;
  fs::path dir;
  if (model.empty()) {
    dir = fs::temp_directory_path() / ("snai_bench_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "corpus.txt") << testing::synonym_corpus(o.quick ? 2000 : 20000, 1).text;
    TrainOptions train;
    train.dim = o.quick ? 32 : 100;
    train.epochs = o.quick ? 2 : 5;
    train.min_count = 1;
    auto trained = Embeddings::train(train, dir / "corpus.txt", dir / "model.bin");
    if (!trained) {
      std::fprintf(stderr, "%s\n", trained.error().describe().c_str());
      std::exit(2);
    }
    model = dir / "model.bin";
  }
  const auto load_start = Clock::now();
  auto emb = Embeddings::load(model);
  const double load_seconds = seconds_since(load_start);
  if (!emb) {
    std::fprintf(stderr, "%s\n", emb.error().describe().c_str());
    std::exit(2);
  }
  const std::vector<WordCount> vocabulary = emb->vocabulary();
  std::printf("\nEmbeddings::vector() on 1 thread pinned to CPU 0 (model %s, dim %d, %zu words, %ju bytes, load %.3f s)\n",
              o.embeddings_model.empty() ? "synthetic" : model.c_str(), emb->dim(), vocabulary.size(),
              static_cast<std::uintmax_t>(fs::file_size(model)), load_seconds);
  std::printf("%-34s %12s\n", "input", "calls/s");
  const std::string in_vocabulary = vocabulary.front().word;
  for (const std::string& text : {in_vocabulary, std::string("Notely"), std::string("AI note-taking for doctors")}) {
    double calls_per_second = 0;
    on_one_core([&] {
      std::size_t calls = 0;
      float sink = 0;
      const auto start = Clock::now();
      do {
        for (int i = 0; i < 1000; ++i) sink += emb->vector(text)[0];
        calls += 1000;
      } while (seconds_since(start) < (o.quick ? 0.1 : 1.0));
      calls_per_second = static_cast<double>(calls) / seconds_since(start);
      if (sink == 12345.0f) std::puts("");  // keep the calls observable
    });
    std::printf("%-34s %12.0f\n", ("\"" + text + "\"").c_str(), calls_per_second);
  }
  if (!dir.empty()) fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  bool data_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return snai::bench::option_value(argc, argv, i); };
    if (arg == "--quick") {
      o.quick = true;
      o.sizes = {5'000};
      o.Ms = {16};
      o.efs = {64};
      o.queries = 200;
    } else if (arg == "--dim") {
      o.dim = std::stoi(value());
    } else if (arg == "--sizes") {
      o.sizes = numbers<std::size_t>(value());
    } else if (arg == "--data") {
      o.data = split(value());
      data_given = true;
    } else if (arg == "--M") {
      o.Ms = numbers<int>(value());
    } else if (arg == "--ef") {
      o.efs = numbers<int>(value());
    } else if (arg == "--ef-construction") {
      o.ef_construction = std::stoi(value());
    } else if (arg == "--queries") {
      o.queries = std::stoul(value());
    } else if (arg == "--embeddings-model") {
      o.embeddings_model = value();
    } else {
      std::fprintf(stderr,
                   "usage: vector_index_bench [--quick] [--dim N] [--sizes N,N] [--data random,clustered] [--M m,m] "
                   "[--ef e,e] [--ef-construction N] [--queries N] [--embeddings-model FILE]\n"
                   "  --data also takes embeddings: vectors of a trained model's words and invented blends\n");
      return arg == "--help" ? 0 : 2;
    }
  }
  if (!data_given && !o.embeddings_model.empty()) o.data.push_back("embeddings");
  std::sort(o.sizes.begin(), o.sizes.end());
  const double worst = run_index_table(o);
  run_embeddings_speed(o);
  if (o.quick && worst < 0.9) {
    std::fprintf(stderr, "recall@10 fell to %.3f on clustered data (expected >= 0.9)\n", worst);
    return 1;
  }
  return 0;
}
