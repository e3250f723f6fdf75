// The only translation unit that includes hnswlib: its 0.6.2 header defines non-inline functions
// (cpuid, AVXCapable, ...) and would break the link if a second file included it.
#include "semantic/vector_index.hpp"

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/file_io.hpp"
#include "core/hash.hpp"
#include "core/mapped_file.hpp"
#include "semantic/internal/half.hpp"
#include "semantic/internal/index_file.hpp"
#include "semantic/internal/vector_kernels.hpp"

namespace snai::semantic {
namespace {

using Hnsw = hnswlib::HierarchicalNSW<float>;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// hnswlib's InnerProductSpace, but over our stored halves, with the kernel picked at run time.
class DotSpace final : public hnswlib::SpaceInterface<float> {
 public:
  explicit DotSpace(std::size_t dim) : stored_(internal::stored_dim(dim)), distance_(internal::best_dot_distance()) {}
  std::size_t get_data_size() override { return stored_ * sizeof(std::uint16_t); }
  hnswlib::DISTFUNC<float> get_dist_func() override { return distance_; }
  void* get_dist_func_param() override { return &stored_; }

 private:
  std::size_t stored_;
  hnswlib::DISTFUNC<float> distance_;
};

// hnswlib 0.6.2's HierarchicalNSW::loadIndex, reading the payload where it lies in memory. Its own
// reads a file through an ifstream with a seek and two tells per element: a few hundred thousand
// system calls and 8 KB buffer refills for the vocabulary index, most of its load time. Same
// checks, same allocations (freed by hnswlib's destructor), same resulting graph; the pointers
// the destructor frees are set first, so a bad payload throws without freeing garbage.
void load_graph(Hnsw& h, std::string_view payload, hnswlib::SpaceInterface<float>* space, std::size_t max_elements_i) {
  h.data_level0_memory_ = nullptr;
  h.linkLists_ = nullptr;
  h.visited_list_pool_ = nullptr;
  h.cur_element_count = 0;
  auto corrupt = [] { throw std::runtime_error("Index seems to be corrupted or unsupported"); };
  std::size_t at = 0;
  auto read = [&](void* out, std::size_t n) {
    if (payload.size() - at < n) corrupt();
    std::memcpy(out, payload.data() + at, n);
    at += n;
  };
  auto pod = [&](auto& value) { read(&value, sizeof value); };
  std::size_t count = 0;
  pod(h.offsetLevel0_);
  pod(h.max_elements_);
  pod(count);
  std::size_t max_elements = max_elements_i < count ? h.max_elements_ : max_elements_i;
  h.max_elements_ = max_elements;
  pod(h.size_data_per_element_);
  pod(h.label_offset_);
  pod(h.offsetData_);
  pod(h.maxlevel_);
  pod(h.enterpoint_node_);
  pod(h.maxM_);
  pod(h.maxM0_);
  pod(h.M_);
  pod(h.mult_);
  pod(h.ef_construction_);
  h.data_size_ = space->get_data_size();
  h.fstdistfunc_ = space->get_dist_func();
  h.dist_func_param_ = space->get_dist_func_param();

  // The check pass: the level-0 block, then one link list per element, ending at the payload's end.
  const std::size_t level0_at = at;
  if (h.size_data_per_element_ != 0 && count > payload.size() / h.size_data_per_element_) corrupt();
  const std::size_t level0_bytes = count * h.size_data_per_element_;
  if (payload.size() - at < level0_bytes) corrupt();
  at += level0_bytes;
  for (std::size_t i = 0; i < count; ++i) {
    if (at >= payload.size()) corrupt();
    unsigned int size = 0;
    pod(size);
    if (payload.size() - at < size) corrupt();
    at += size;
  }
  if (at != payload.size()) corrupt();
  if (max_elements < count) corrupt();

  at = level0_at;
  h.data_level0_memory_ = static_cast<char*>(std::malloc(max_elements * h.size_data_per_element_));
  if (h.data_level0_memory_ == nullptr) throw std::runtime_error("Not enough memory: loadIndex failed to allocate level0");
  read(h.data_level0_memory_, level0_bytes);
  h.size_links_per_element_ = h.maxM_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
  h.size_links_level0_ = h.maxM0_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
  std::vector<std::mutex>(max_elements).swap(h.link_list_locks_);
  std::vector<std::mutex>(Hnsw::max_update_element_locks).swap(h.link_list_update_locks_);
  h.visited_list_pool_ = new hnswlib::VisitedListPool(1, static_cast<int>(max_elements));
  h.linkLists_ = static_cast<char**>(std::malloc(sizeof(void*) * max_elements));
  if (h.linkLists_ == nullptr) throw std::runtime_error("Not enough memory: loadIndex failed to allocate linklists");
  h.element_levels_ = std::vector<int>(max_elements);
  h.revSize_ = 1.0 / h.mult_;
  h.ef_ = 10;
  h.label_lookup_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    h.label_lookup_[h.getExternalLabel(static_cast<hnswlib::tableint>(i))] = static_cast<hnswlib::tableint>(i);
    unsigned int size = 0;
    pod(size);
    if (size == 0) {
      h.element_levels_[i] = 0;
      h.linkLists_[i] = nullptr;
    } else {
      h.element_levels_[i] = static_cast<int>(size / h.size_links_per_element_);
      h.linkLists_[i] = static_cast<char*>(std::malloc(size));
      if (h.linkLists_[i] == nullptr) throw std::runtime_error("Not enough memory: loadIndex failed to allocate linklist");
      read(h.linkLists_[i], size);
    }
    h.cur_element_count = i + 1;  // the destructor frees the link lists of elements below this
  }
  for (std::size_t i = 0; i < count; ++i)
    if (h.isMarkedDeleted(static_cast<hnswlib::tableint>(i))) h.num_deleted_ += 1;
}

std::unexpected<Error> label_not_found(std::string_view label) {
  return fail(ErrorCode::not_found, "label " + std::string(label) + " is not in the index", "label");
}

Status check_label(std::string_view label) {
  if (label.empty()) return fail(ErrorCode::invalid_argument, "label is empty", "label");
  if (label.size() > internal::kMaxLabelBytes) {
    return fail(ErrorCode::invalid_argument, "label is longer than 4096 bytes", "label");
  }
  return ok();
}

// `v` checked, normalised and encoded as stored halves (see internal::encode_vector).
Result<std::vector<std::uint16_t>> encode_unit(std::span<const float> v, int dim, const char* field) {
  std::vector<std::uint16_t> unit(internal::stored_dim(static_cast<std::size_t>(dim)));
  if (auto checked = internal::encode_vector(v, dim, unit.data(), field); !checked) return fail(checked.error());
  return unit;
}

// hnswlib's own header (first 96 bytes of its serialisation), checked against ours so a payload
// written with other parameters (or another hnswlib layout) is refused instead of misread.
Status check_hnsw_header(std::string_view payload, const internal::IndexFileHeader& h) {
  if (payload.size() < 96) return fail(ErrorCode::data_corrupt, "index payload too short");
  auto size_at = [&](std::size_t offset) {
    std::uint64_t v;
    std::memcpy(&v, payload.data() + offset, 8);
    return v;
  };
  const std::uint64_t links0 = 2ULL * h.M * 4 + 4;
  const std::uint64_t data_bytes = internal::stored_dim(h.dim) * 2ULL;
  std::int32_t max_level;
  std::uint32_t entry_point;
  std::memcpy(&max_level, payload.data() + 48, 4);
  std::memcpy(&entry_point, payload.data() + 52, 4);
  bool good = size_at(0) == 0 && size_at(8) >= size_at(16) && size_at(16) <= h.count &&
              size_at(24) == links0 + data_bytes + 8 && size_at(32) == links0 + data_bytes &&
              size_at(40) == links0 && size_at(56) == h.M && size_at(64) == 2ULL * h.M &&
              size_at(72) == h.M && max_level >= -1 && max_level < 64 &&
              (size_at(16) == 0 ? max_level == -1 : entry_point < size_at(16));
  if (!good) return fail(ErrorCode::data_corrupt, "index payload does not match its header");
  return ok();
}

}  // namespace

struct VectorIndex::State {
  IndexParams params;
  std::unique_ptr<DotSpace> space;  // outlives hnsw (declared first)
  std::unique_ptr<Hnsw> hnsw;
  std::vector<std::string> labels;        // hnswlib label (an index here) -> text
  std::vector<std::uint8_t> removed;      // 1: hidden (removed, or never made it into the graph)
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> ids;
  std::size_t live = 0;
  mutable std::shared_mutex mutex;

  // Makes room for `needed` hnswlib elements; callers hold the exclusive lock.
  Status reserve(std::size_t needed) {
    if (needed <= hnsw->max_elements_) return ok();
    std::size_t target = std::max({needed, hnsw->max_elements_ * 2, std::size_t{64}});
    try {
      hnsw->resizeIndex(target);
    } catch (const std::exception& e) {
      return fail(ErrorCode::internal, std::string("growing the index failed: ") + e.what());
    }
    return ok();
  }

  // The id for `label`, appending a hidden slot when it is new; callers hold the exclusive lock.
  std::size_t slot(std::string_view label) {
    if (auto it = ids.find(label); it != ids.end()) return it->second;
    labels.emplace_back(label);
    removed.push_back(1);
    ids.emplace(labels.back(), labels.size() - 1);
    return labels.size() - 1;
  }

  // The id of `label` when it is present (added and not removed).
  std::optional<std::size_t> live_id(std::string_view label) const {
    auto it = ids.find(label);
    if (it == ids.end() || removed[it->second] != 0) return std::nullopt;
    return it->second;
  }

  void mark_present(std::size_t id) {
    if (removed[id] != 0) {
      removed[id] = 0;
      ++live;
    }
  }

  std::vector<Neighbor> to_neighbors(std::priority_queue<std::pair<float, hnswlib::labeltype>> heap) const {
    std::vector<Neighbor> out(heap.size());
    for (std::size_t i = out.size(); i-- > 0;) {
      auto [distance, id] = heap.top();
      heap.pop();
      out[i] = Neighbor{labels[id], 1.0f - distance};
    }
    return out;
  }
};

VectorIndex::VectorIndex(std::unique_ptr<State> state) : state_(std::move(state)) {}
VectorIndex::VectorIndex(VectorIndex&&) noexcept = default;
VectorIndex& VectorIndex::operator=(VectorIndex&&) noexcept = default;
VectorIndex::~VectorIndex() = default;

Result<VectorIndex> VectorIndex::create(IndexParams params) {
  if (params.dim < 1 || params.dim > 4096) return fail(ErrorCode::invalid_argument, "dim must be 1..4096", "dim");
  if (params.M < 2 || params.M > 200) return fail(ErrorCode::invalid_argument, "M must be 2..200", "M");
  if (params.ef_construction < 1) {
    return fail(ErrorCode::invalid_argument, "ef_construction must be positive", "ef_construction");
  }
  if (params.ef_search < 1) return fail(ErrorCode::invalid_argument, "ef_search must be positive", "ef_search");
  params.max_elements = std::max<std::size_t>(params.max_elements, 64);
  auto state = std::make_unique<State>();
  state->params = params;
  state->space = std::make_unique<DotSpace>(static_cast<std::size_t>(params.dim));
  try {
    state->hnsw = std::make_unique<Hnsw>(state->space.get(), params.max_elements, params.M,
                                         params.ef_construction);
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, std::string("creating the index failed: ") + e.what());
  }
  state->hnsw->setEf(params.ef_search);
  return VectorIndex(std::move(state));
}

Status VectorIndex::add(std::string_view label, std::span<const float> vector) {
  if (auto checked = check_label(label); !checked) return checked;
  auto unit = encode_unit(vector, state_->params.dim, "vector");
  if (!unit) return fail(unit.error());
  std::unique_lock lock(state_->mutex);
  if (auto grown = state_->reserve(state_->hnsw->cur_element_count + 1); !grown) return grown;
  std::size_t id = state_->slot(label);
  try {
    state_->hnsw->addPoint(unit->data(), id);
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, std::string("adding to the index failed: ") + e.what(), "label");
  }
  state_->mark_present(id);
  return ok();
}

Status VectorIndex::add_batch(std::span<const std::string> labels, std::span<const float> vectors, int threads) {
  const auto dim = static_cast<std::size_t>(state_->params.dim);
  if (vectors.size() != labels.size() * dim) {
    return fail(ErrorCode::invalid_argument, "vectors must hold labels.size() * dim floats", "vectors");
  }
  // Validate and normalise every row first, so a bad row adds nothing; a repeated label keeps
  // its last row (what adding the rows one by one would leave).
  const std::size_t stored = internal::stored_dim(dim);
  std::vector<std::uint16_t> unit(labels.size() * stored);
  std::unordered_map<std::string_view, std::size_t> last_row;
  for (std::size_t row = 0; row < labels.size(); ++row) {
    auto checked = check_label(labels[row]);
    if (checked) checked = internal::encode_vector(vectors.subspan(row * dim, dim), static_cast<int>(dim), &unit[row * stored], "vectors");
    if (!checked) {
      checked.error().message = "row " + std::to_string(row) + ": " + checked.error().message;
      return checked;
    }
    last_row[labels[row]] = row;
  }
  std::unique_lock lock(state_->mutex);
  std::vector<std::pair<std::size_t, std::size_t>> work;  // (row, id)
  std::size_t new_slots = 0;
  for (std::size_t row = 0; row < labels.size(); ++row) {
    if (last_row[labels[row]] != row) continue;
    if (!state_->ids.contains(std::string_view(labels[row]))) ++new_slots;
    work.emplace_back(row, state_->slot(labels[row]));
  }
  if (auto grown = state_->reserve(state_->hnsw->cur_element_count + new_slots); !grown) return grown;

  std::vector<std::uint8_t> done(work.size(), 0);
  std::atomic<std::size_t> next{0};
  std::mutex error_mutex;
  std::string error;
  auto run = [&] {
    for (std::size_t i = next++; i < work.size(); i = next++) {
      try {
        state_->hnsw->addPoint(&unit[work[i].first * stored], work[i].second);
        done[i] = 1;
      } catch (const std::exception& e) {
        std::lock_guard guard(error_mutex);
        if (error.empty()) error = e.what();
      }
    }
  };
  unsigned n = threads > 0 ? static_cast<unsigned>(threads) : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<std::size_t>(n, work.size() / 256 + 1));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(run);
    run();
  }
  for (std::size_t i = 0; i < work.size(); ++i) {
    if (done[i]) state_->mark_present(work[i].second);
  }
  if (!error.empty()) return fail(ErrorCode::internal, "adding to the index failed: " + error);
  return ok();
}

Status VectorIndex::remove(std::string_view label) {
  std::unique_lock lock(state_->mutex);
  const auto id = state_->live_id(label);
  if (!id) return label_not_found(label);
  try {
    state_->hnsw->markDelete(*id);
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, std::string("removing from the index failed: ") + e.what(), "label");
  }
  state_->removed[*id] = 1;
  --state_->live;
  return ok();
}

Result<std::vector<Neighbor>> VectorIndex::search(std::span<const float> query, int k) const {
  if (k < 1) return fail(ErrorCode::invalid_argument, "k must be at least 1", "k");
  auto unit = encode_unit(query, state_->params.dim, "query");
  if (!unit) return fail(unit.error());
  std::shared_lock lock(state_->mutex);
  try {
    return state_->to_neighbors(state_->hnsw->searchKnn(unit->data(), static_cast<std::size_t>(k)));
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, std::string("index search failed: ") + e.what());
  }
}

Result<std::vector<Neighbor>> VectorIndex::brute_force_search(std::span<const float> query, int k) const {
  if (k < 1) return fail(ErrorCode::invalid_argument, "k must be at least 1", "k");
  auto unit = encode_unit(query, state_->params.dim, "query");
  if (!unit) return fail(unit.error());
  std::shared_lock lock(state_->mutex);
  const Hnsw& hnsw = *state_->hnsw;
  // max-heap on distance holding the k closest seen so far (same shape searchKnn returns)
  std::priority_queue<std::pair<float, hnswlib::labeltype>> heap;
  for (hnswlib::tableint i = 0; i < hnsw.cur_element_count; ++i) {
    if (hnsw.isMarkedDeleted(i)) continue;
    float distance = hnsw.fstdistfunc_(unit->data(), hnsw.getDataByInternalId(i), hnsw.dist_func_param_);
    if (heap.size() < static_cast<std::size_t>(k)) {
      heap.emplace(distance, hnsw.getExternalLabel(i));
    } else if (distance < heap.top().first) {
      heap.pop();
      heap.emplace(distance, hnsw.getExternalLabel(i));
    }
  }
  return state_->to_neighbors(std::move(heap));
}

Result<std::vector<float>> VectorIndex::vector(std::string_view label) const {
  std::shared_lock lock(state_->mutex);
  const auto id = state_->live_id(label);
  if (!id) return label_not_found(label);
  auto internal_id = state_->hnsw->label_lookup_.at(*id);
  const auto* data = reinterpret_cast<const std::uint16_t*>(state_->hnsw->getDataByInternalId(internal_id));
  std::vector<float> out(static_cast<std::size_t>(state_->params.dim));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = internal::half_to_float(data[i]);
  return out;
}

void VectorIndex::set_ef_search(int ef) {
  std::unique_lock lock(state_->mutex);
  state_->params.ef_search = std::max(ef, 1);
  state_->hnsw->setEf(static_cast<std::size_t>(state_->params.ef_search));
}

int VectorIndex::ef_search() const {
  std::shared_lock lock(state_->mutex);
  return state_->params.ef_search;
}

bool VectorIndex::contains(std::string_view label) const {
  std::shared_lock lock(state_->mutex);
  return state_->live_id(label).has_value();
}

std::size_t VectorIndex::size() const {
  std::shared_lock lock(state_->mutex);
  return state_->live;
}

std::size_t VectorIndex::capacity() const {
  std::shared_lock lock(state_->mutex);
  return state_->hnsw->max_elements_;
}

int VectorIndex::dim() const { return state_->params.dim; }

IndexParams VectorIndex::params() const {
  std::shared_lock lock(state_->mutex);
  IndexParams p = state_->params;
  p.max_elements = state_->hnsw->max_elements_;
  return p;
}

Status VectorIndex::save(const std::filesystem::path& path) const {
  std::shared_lock lock(state_->mutex);
  auto memory = internal::MemoryFile::create();
  if (!memory) return fail(memory.error());
  try {
    state_->hnsw->saveIndex(memory->path());
  } catch (const std::exception& e) {
    return fail(ErrorCode::internal, std::string("serialising the index failed: ") + e.what());
  }
  auto payload_file = memory->map();
  if (!payload_file) return fail(payload_file.error());
  const std::string_view payload = payload_file->bytes();
  const std::string labels = internal::encode_labels(state_->labels, state_->removed);

  internal::IndexFileHeader header;
  header.dim = static_cast<std::uint32_t>(state_->params.dim);
  header.M = static_cast<std::uint32_t>(state_->params.M);
  header.ef_construction = static_cast<std::uint32_t>(state_->params.ef_construction);
  header.ef_search = static_cast<std::uint32_t>(state_->params.ef_search);
  header.count = state_->labels.size();
  header.capacity = state_->hnsw->max_elements_;
  header.labels_bytes = labels.size();
  header.payload_bytes = payload.size();
  header.labels_checksum = hash64(labels);
  header.payload_checksum = hash64(payload);
  if (auto checked = check_hnsw_header(payload, header); !checked) {
    return fail(ErrorCode::internal, "hnswlib wrote an unexpected layout: " + checked.error().message);
  }
  const std::string head = internal::encode_header(header);
  const std::string_view parts[] = {head, labels, payload};
  return write_file_atomically(path, parts);
}

Result<VectorIndex> VectorIndex::load(const std::filesystem::path& path) {
  auto file = MappedFile::open(path);
  if (!file) return fail(file.error());
  const std::string_view bytes = file->bytes();
  auto header = internal::decode_header(bytes, bytes.size());
  if (!header) return fail(ErrorCode::data_corrupt, path.string() + ": " + header.error().message, "path");
  auto corrupt = [&](const std::string& why) { return fail(ErrorCode::data_corrupt, path.string() + ": " + why, "path"); };

  const std::string_view labels_bytes = bytes.substr(internal::kHeaderBytes, header->labels_bytes);
  const std::string_view payload = bytes.substr(internal::kHeaderBytes + header->labels_bytes);
  if (hash64(labels_bytes) != header->labels_checksum) return corrupt("label table checksum mismatch");
  if (hash64(payload) != header->payload_checksum) return corrupt("index payload checksum mismatch");
  if (auto checked = check_hnsw_header(payload, *header); !checked) return corrupt(checked.error().message);

  auto state = std::make_unique<State>();
  if (auto decoded = internal::decode_labels(labels_bytes, header->count, state->labels, state->removed); !decoded) {
    return corrupt(decoded.error().message);
  }
  state->params = IndexParams{static_cast<int>(header->dim), header->capacity, static_cast<int>(header->M),
                              static_cast<int>(header->ef_construction), static_cast<int>(header->ef_search)};

  state->space = std::make_unique<DotSpace>(header->dim);
  try {
    state->hnsw = std::make_unique<Hnsw>(state->space.get());
    state->hnsw->num_deleted_ = 0;  // the loading constructor leaves it uninitialised
    load_graph(*state->hnsw, payload, state->space.get(), header->capacity);
  } catch (const std::exception& e) {
    return corrupt(std::string("hnswlib refused the index: ") + e.what());
  }
  const Hnsw& hnsw = *state->hnsw;
  // Every graph element belongs to a distinct label with the same removed flag; a label without
  // an element (an add that failed) must be hidden.
  if (hnsw.label_lookup_.size() != hnsw.cur_element_count) return corrupt("index payload repeats a label");
  std::vector<std::uint8_t> in_graph(state->labels.size(), 0);
  for (hnswlib::tableint i = 0; i < hnsw.cur_element_count; ++i) {
    auto id = hnsw.getExternalLabel(i);
    if (id >= header->count || hnsw.isMarkedDeleted(i) != (state->removed[id] != 0)) {
      return corrupt("index payload disagrees with the label table");
    }
    in_graph[id] = 1;
  }
  state->ids.reserve(state->labels.size());
  for (std::size_t id = 0; id < state->labels.size(); ++id) {
    if (in_graph[id] == 0 && state->removed[id] == 0) return corrupt("a label has no vector in the index");
    state->ids.emplace(state->labels[id], id);
    if (state->removed[id] == 0) ++state->live;
  }
  state->hnsw->setEf(header->ef_search);
  return VectorIndex(std::move(state));
}

double recall_at_k(const std::vector<Neighbor>& approximate, const std::vector<Neighbor>& exact) {
  if (exact.empty()) return 1.0;
  std::unordered_set<std::string_view> truth;
  for (const auto& n : exact) truth.insert(n.label);
  std::size_t hits = 0;
  for (const auto& n : approximate) hits += truth.contains(n.label) ? 1 : 0;
  return static_cast<double>(hits) / static_cast<double>(exact.size());
}

}  // namespace snai::semantic
