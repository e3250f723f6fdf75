// VectorIndex: approximate nearest-neighbour search by cosine similarity over labelled vectors —
// an HNSW graph (hnswlib, inner product over L2-normalised vectors) used over the embedding
// vocabulary and over stored names. Grows on demand, persists to one file, and serves concurrent
// searches from many threads (adds, removes and set_ef_search take an exclusive lock). Vectors
// are stored as 16-bit floats (half the memory traffic, which bounds search speed), so returned
// similarities are within ~1e-3 of the float computation.
//
//   using snai::semantic::VectorIndex;
//   auto index = VectorIndex::create({.dim = 100, .max_elements = 50'000});
//   if (!index) return snai::fail(index.error());
//   index->add("physician", embeddings.vector("physician"));    // normalised on the way in
//   auto hits = index->search(embeddings.vector("doctor"), 10);  // best first
//   for (const auto& hit : *hits) std::cout << hit.label << " " << hit.similarity << "\n";
//   index->save("var/data/vocabulary.hnsw");
//   auto again = VectorIndex::load("var/data/vocabulary.hnsw");  // data_corrupt on a bad file
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace snai::semantic {

// Defaults measured by bench/vector_index_bench (bench/README.md): on 200k fastText vectors of
// dimension 100 (words and invented names) recall@10 0.95 at 10,400 queries/s on one core;
// 100k: 0.96 at 11,500/s. Uniform random 100-d vectors are far harder (see the README).
struct IndexParams {
  int dim = 0;                    // required, 1..4096
  std::size_t max_elements = 0;   // initial capacity; the index grows past it (doubling)
  int M = 24;                     // graph degree: more = better recall, more memory, slower build
  int ef_construction = 200;      // build-time beam width
  int ef_search = 48;             // query-time beam width (k is used when larger)
};

struct Neighbor {
  std::string label;
  float similarity = 0;  // cosine similarity in [-1, 1]

  bool operator==(const Neighbor&) const = default;
};

class VectorIndex {
 public:
  // invalid_argument for dim outside 1..4096, M outside 2..200, or non-positive ef values.
  static Result<VectorIndex> create(IndexParams params);

  // Reads a file written by save(). not_found when it does not exist; data_corrupt when it is
  // truncated, altered, or not an index file (checked before hnswlib sees a byte).
  static Result<VectorIndex> load(const std::filesystem::path& path);

  VectorIndex(VectorIndex&&) noexcept;
  VectorIndex& operator=(VectorIndex&&) noexcept;
  ~VectorIndex();

  // Adds `vector` (normalised to unit length) under `label`. A label that is already present is
  // REPLACED: its vector is updated in place (upsert), so re-indexing a name is idempotent; a
  // removed label comes back. invalid_argument for an empty label, a wrong dimension, or a zero or
  // non-finite vector. Grows the capacity when full.
  Status add(std::string_view label, std::span<const float> vector);

  // Adds many vectors using `threads` threads (0: all cores); same rules as add() for each.
  // labels.size() must equal vectors.size() / dim. On error nothing after the bad row is added.
  Status add_batch(std::span<const std::string> labels, std::span<const float> vectors,
                   int threads = 0);

  // Hides `label` from searches (hnswlib marks it deleted; the slot stays until a rebuild).
  // not_found when the label is absent.
  Status remove(std::string_view label);

  // The k most similar labels, best first (fewer when the index holds fewer). The query need not
  // be normalised. invalid_argument for k < 1, a wrong dimension, or a zero/non-finite query.
  Result<std::vector<Neighbor>> search(std::span<const float> query, int k) const;

  // Exact search by scanning every vector: the ground truth for recall, and for small indexes.
  Result<std::vector<Neighbor>> brute_force_search(std::span<const float> query, int k) const;

  // The stored (normalised) vector of a label; not_found when absent.
  Result<std::vector<float>> vector(std::string_view label) const;

  void set_ef_search(int ef);  // clamped to >= 1
  int ef_search() const;

  bool contains(std::string_view label) const;
  std::size_t size() const;       // live labels (removed ones excluded)
  std::size_t capacity() const;   // slots allocated before the next growth
  int dim() const;
  IndexParams params() const;     // with max_elements = capacity()

  // Writes the index atomically (temporary file + rename) in one file: a header of ours with
  // checksums, the label table, then hnswlib's own serialisation.
  Status save(const std::filesystem::path& path) const;

 private:
  struct State;
  explicit VectorIndex(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Recall@k of `approximate` against `exact` (labels only): |A ∩ E| / |E|, 1 when E is empty.
double recall_at_k(const std::vector<Neighbor>& approximate, const std::vector<Neighbor>& exact);

}  // namespace snai::semantic
