// Synthetic data for the semantic tests and benchmarks, all from fixed seeds:
// random unit vectors (the hard case for HNSW), clustered vectors shaped like word embeddings,
// and a small corpus in which synonyms share contexts while look-alike words (doctor/doctoral,
// fast/fasten) do not — so a model that ranks neighbours by spelling fails the tests.
//
//   auto data = snai::semantic::testing::clustered_vectors(100'000, 100, /*structure*/ 1, /*sample*/ 2);
//   auto queries = snai::semantic::testing::clustered_vectors(1'000, 100, 1, 3);  // same clusters
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snai::semantic::testing {

// n unit vectors uniform on the sphere, row-major (n * dim floats).
std::vector<float> random_unit_vectors(std::size_t n, int dim, std::uint64_t seed);

// n unit vectors from a two-level mixture (64 topics x 32 subtopics, Zipf-sized) around a shared
// mean direction, like real word embeddings (neighbours at cosine ~0.6-0.8, unrelated pairs
// ~0.1-0.2). `structure_seed` fixes the clusters, `sample_seed` the points drawn from them.
std::vector<float> clustered_vectors(std::size_t n, int dim, std::uint64_t structure_seed,
                                     std::uint64_t sample_seed);

struct SynonymCorpus {
  std::string text;  // one sentence per line, lower-case tokens separated by single spaces
  // word -> its synonyms (words that share its contexts)
  std::vector<std::pair<std::string, std::vector<std::string>>> expectations;
  // word -> a look-alike with another meaning, which must not rank among its neighbours
  std::vector<std::pair<std::string, std::string>> false_friends;
};

SynonymCorpus synonym_corpus(std::size_t lines, std::uint64_t seed);

}  // namespace snai::semantic::testing
