#include "charlm/char_model.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <iterator>
#include <fmt/format.h>
#include <limits>

#include "charlm/internal/ngram_key.hpp"
#include "core/file_io.hpp"

namespace snai::charlm {

using internal::Entry;
using internal::kBegin;
using internal::kEnd;
using internal::kSymbolBits;
using internal::key_mask;

struct CharModel::State {
  std::uint64_t history = 0;  // the last order-1 symbols, packed
  int length = 0;             // symbols of the longest suffix of history that is a context in the table
  float backoff = 0;          // its cumulative backoff
};

namespace {

constexpr char kMagic[8] = {'S', 'N', 'A', 'I', 'C', 'H', 'L', 'M'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrder = 0x01020304;

struct FileHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint32_t order;
  std::uint32_t entry_size;
  std::uint64_t capacity;
  std::uint64_t entry_count;
  std::uint64_t checksum;  // of the slots
  std::uint8_t reserved[16];
};
static_assert(sizeof(FileHeader) == 64);

// Of the header's fields and every slot, so any changed byte is caught (reserved bytes must be 0).
std::uint64_t checksum(const FileHeader& header, std::span<const Entry> slots) {
  std::uint64_t h = 0x243F6A8885A308D3ull ^ (std::uint64_t{header.version} << 32 | header.order);
  h = std::rotl(h ^ header.capacity, 23) * 0x9E3779B97F4A7C15ull;
  h = std::rotl(h ^ header.entry_count, 23) * 0x9E3779B97F4A7C15ull;
  for (const auto& e : slots) {
    std::uint32_t lp;
    std::uint32_t nb;
    std::memcpy(&lp, &e.log_prob, 4);
    std::memcpy(&nb, &e.next_backoff, 4);
    h = std::rotl(h ^ e.key, 23) * 0x9E3779B97F4A7C15ull;
    h = std::rotl(h ^ ((std::uint64_t{lp} << 32) | nb), 23) * 0xC2B2AE3D27D4EB4Full;
  }
  return h ^ (h >> 29);
}

std::string errno_text() { return std::strerror(errno); }

// Uniform in [0, 1) from 53 random bits: the same on every standard library, unlike
// std::uniform_real_distribution.
double unit_random(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

}  // namespace

CharModel::CharModel(int order, std::vector<Entry> slots, std::size_t entry_count)
    : order_(order), slots_(std::move(slots)), entry_count_(entry_count),
      shift_(64 - std::countr_zero(slots_.size())), follow_(std::make_unique<Follow>()) {
  auto key_slot = internal::slot_hash(kBegin) >> shift_;
  for (std::size_t i = key_slot;; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].key == kBegin) {
      begin_backoff_ = slots_[i].next_backoff;
      break;
    }
    if (slots_[i].key == 0) break;
  }
  build_rows();
}

void CharModel::build_rows() {
  std::size_t total = 0;
  for (int level = 0; level <= kDenseLevels; ++level) {
    row_start_[level] = total;
    total += std::size_t{1} << (kSymbolBits * level);
  }
  rows_.assign(total, Row{});
  const std::size_t mask = slots_.size() - 1;
  for (int level = 0; level <= kDenseLevels; ++level)
    for (std::uint64_t context = 0; context < (std::uint64_t{1} << (kSymbolBits * level)); ++context) {
      Row& r = rows_[row_start_[level] + context];
      for (std::uint64_t symbol = 1; symbol <= kSymbolCount; ++symbol) {
        const std::uint64_t key = (context << kSymbolBits) | symbol;
        for (std::size_t i = internal::slot_hash(key) >> shift_;; i = (i + 1) & mask) {
          if (slots_[i].key == key) {
            r.present |= std::uint32_t{1} << (symbol - 1);
            r.log_prob[symbol - 1] = slots_[i].log_prob;
            r.next_backoff[symbol - 1] = slots_[i].next_backoff;
            break;
          }
          if (slots_[i].key == 0) break;
        }
      }
    }
}

std::size_t CharModel::find_slot(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = internal::slot_hash(key) >> shift_;; i = (i + 1) & mask) {
    if (slots_[i].key == key) return i;
    if (slots_[i].key == 0) return slots_.size();
  }
}

void CharModel::prepare_sampling() const { (void)follow(); }

const CharModel::Follow& CharModel::follow() const {
  std::call_once(follow_->once, [&] {
    Follow& f = *follow_;
    f.contexts.assign(slots_.size(), {});
    // Each entry's context slot: found once (sixteen at a time, their probes' cache misses
    // overlapping), then used to place the entry.
    constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> context_slot(slots_.size(), kNone);
    constexpr std::size_t kBatch = 16;
    std::array<std::size_t, kBatch> entries{};
    for (std::size_t start = 0; start < slots_.size(); start += kBatch) {
      std::size_t n = 0;
      for (std::size_t i = start; i < std::min(start + kBatch, slots_.size()); ++i) {
        const std::uint64_t key = slots_[i].key;
        if (key == 0) continue;
        const int context_length = internal::key_length(key) - 1;
        if (context_length <= kDenseLevels || context_length > order_ - 1) continue;
        __builtin_prefetch(&slots_[internal::slot_hash(key >> kSymbolBits) >> shift_]);
        entries[n++] = i;
      }
      for (std::size_t j = 0; j < n; ++j) {
        const std::uint64_t key = slots_[entries[j]].key;
        const std::size_t at = find_slot(key >> kSymbolBits);
        if (at == slots_.size()) continue;
        context_slot[entries[j]] = static_cast<std::uint32_t>(at);
        f.contexts[at].symbols |= std::uint32_t{1} << ((key & key_mask(1)) - 1);
      }
    }
    std::uint32_t total = 0;
    for (auto& c : f.contexts) {
      c.first = total;
      total += static_cast<std::uint32_t>(std::popcount(c.symbols));
    }
    f.log_probs.assign(total, 0.0f);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (context_slot[i] == kNone) continue;
      const Follow::Context& c = f.contexts[context_slot[i]];
      const auto below = (std::uint32_t{1} << ((slots_[i].key & key_mask(1)) - 1)) - 1;
      f.log_probs[c.first + static_cast<std::uint32_t>(std::popcount(c.symbols & below))] = slots_[i].log_prob;
    }
  });
  return *follow_;
}

CharModel::CharModel(CharModel&&) noexcept = default;
CharModel& CharModel::operator=(CharModel&&) noexcept = default;
CharModel::~CharModel() = default;

std::size_t CharModel::memory_bytes() const { return slots_.size() * sizeof(Entry); }

CharModel::State CharModel::begin_state() const { return {kBegin, 1, begin_backoff_}; }

// The longest (suffix of the history, symbol) in the table decides; the unigrams are all there,
// so the loop ends by k = 0 at the latest.
double CharModel::step(State& state, std::uint64_t symbol) const {
  const std::size_t mask = slots_.size() - 1;
  for (int k = state.length;; --k) {
    if (k <= kDenseLevels) {
      const Row& r = row(k, state.history & key_mask(k));
      if ((r.present >> (symbol - 1)) & 1) {
        double lp = static_cast<double>(r.log_prob[symbol - 1]) + state.backoff;
        state.history = ((state.history << kSymbolBits) | symbol) & key_mask(order_ - 1);
        state.length = std::min(k + 1, order_ - 1);
        state.backoff = r.next_backoff[symbol - 1];
        return lp;
      }
      continue;
    }
    const std::uint64_t key = ((state.history & key_mask(k)) << kSymbolBits) | symbol;
    for (std::size_t i = internal::slot_hash(key) >> shift_;; i = (i + 1) & mask) {
      const Entry& e = slots_[i];
      if (e.key == key) {
        double lp = static_cast<double>(e.log_prob) + state.backoff;
        state.history = ((state.history << kSymbolBits) | symbol) & key_mask(order_ - 1);
        state.length = std::min(k + 1, order_ - 1);
        state.backoff = e.next_backoff;
        return lp;
      }
      if (e.key == 0) break;
    }
  }
}

// Long contexts are read from follow(): one probe for the context, then its entries side by
// side. A context missing from the table (none is, in a trained model) has every open symbol
// probed, the probes of a level requested together so that their cache misses overlap.
void CharModel::log_distribution(const State& state, std::array<double, kSymbolCount>& out) const {
  const Follow& follow = this->follow();
  const std::size_t mask = slots_.size() - 1;
  // The contexts of every level are known up front: their slots are asked for together.
  for (int k = state.length; k > kDenseLevels; --k) {
    const std::size_t at = internal::slot_hash(state.history & key_mask(k)) >> shift_;
    __builtin_prefetch(&slots_[at]);
    __builtin_prefetch(&follow.contexts[at]);
  }
  std::uint32_t open = (std::uint32_t{1} << kSymbolCount) - 1;
  for (int k = state.length; open != 0 && k >= 0; --k) {
    if (k <= kDenseLevels) {
      const Row& r = row(k, state.history & key_mask(k));
      for (std::uint32_t bits = open & r.present; bits != 0; bits &= bits - 1) {
        const int s = std::countr_zero(bits);
        out[s] = static_cast<double>(r.log_prob[s]) + state.backoff;
      }
      open &= ~r.present;
      continue;
    }
    const std::uint64_t history = state.history & key_mask(k);
    if (const std::size_t at = find_slot(history); at < slots_.size()) {
      const Follow::Context& c = follow.contexts[at];
      const float* log_probs = follow.log_probs.data() + c.first;
      for (std::uint32_t bits = open & c.symbols; bits != 0; bits &= bits - 1) {
        const int s = std::countr_zero(bits);
        const auto below = (std::uint32_t{1} << s) - 1;
        out[s] = static_cast<double>(log_probs[std::popcount(c.symbols & below)]) + state.backoff;
      }
      open &= ~c.symbols;
      continue;
    }
    const std::uint64_t context = history << kSymbolBits;
    for (std::uint32_t bits = open; bits != 0; bits &= bits - 1)
      __builtin_prefetch(&slots_[internal::slot_hash(context | (std::countr_zero(bits) + 1)) >> shift_]);
    for (std::uint32_t bits = open; bits != 0; bits &= bits - 1) {
      const int s = std::countr_zero(bits);
      const std::uint64_t key = context | static_cast<std::uint64_t>(s + 1);
      for (std::size_t i = internal::slot_hash(key) >> shift_;; i = (i + 1) & mask) {
        const Entry& e = slots_[i];
        if (e.key == key) {
          out[s] = static_cast<double>(e.log_prob) + state.backoff;
          open &= ~(std::uint32_t{1} << s);
          break;
        }
        if (e.key == 0) break;
      }
    }
  }
}

struct SampleCache::Slot {
  std::uint64_t history = 0;
  std::uint64_t temperature_bits = 0;
  std::uint32_t backoff_bits = 0;
  std::int32_t length = -1;  // -1: empty
  double total = 0;
  std::array<double, CharModel::kSymbolCount> weights{};
};

SampleCache::SampleCache() = default;
SampleCache::~SampleCache() = default;

double CharModel::sampling_weights(const State& state, double inverse_temperature, SampleCache* cache,
                                   std::array<double, kSymbolCount>& weights) const {
  std::uint32_t backoff_bits;
  std::memcpy(&backoff_bits, &state.backoff, 4);
  std::uint64_t temperature_bits;
  std::memcpy(&temperature_bits, &inverse_temperature, 8);
  SampleCache::Slot* slot = nullptr;
  if (cache != nullptr) {
    constexpr int kSlotBits = 11;
    if (cache->slots_.empty()) cache->slots_.resize(std::size_t{1} << kSlotBits);
    std::uint64_t h = internal::slot_hash(state.history ^ (std::uint64_t{backoff_bits} << 20) ^ std::uint64_t(state.length) ^
                                          temperature_bits);
    slot = &cache->slots_[h >> (64 - kSlotBits)];
    if (slot->length == state.length && slot->history == state.history && slot->backoff_bits == backoff_bits &&
        slot->temperature_bits == temperature_bits) {
      weights = slot->weights;
      return slot->total;
    }
  }
  std::array<double, kSymbolCount> log_p{};
  log_distribution(state, log_p);
  double total = 0;
  for (std::size_t s = 0; s < kSymbolCount; ++s) {
    weights[s] = std::exp(log_p[s] * inverse_temperature);
    total += weights[s];
  }
  if (slot != nullptr) *slot = {state.history, temperature_bits, backoff_bits, state.length, total, weights};
  return total;
}

double CharModel::log_prob(std::string_view word) const {
  // The first probe of each position (at the longest context) does not depend on the ones
  // before it: asking for all their cache lines up front overlaps the memory latencies that
  // the dependent loop below would otherwise pay one after another.
  std::uint64_t history = kBegin;
  for (std::size_t i = 0; i <= word.size(); ++i) {
    auto symbol = i < word.size() ? internal::letter_symbol(word[i]) : kEnd;
    const int length = std::min<int>(static_cast<int>(i) + 1, order_ - 1);
    const std::uint64_t key = ((history & key_mask(length)) << kSymbolBits) | symbol;
    __builtin_prefetch(&slots_[internal::slot_hash(key) >> shift_]);
    history = (history << kSymbolBits) | symbol;
  }
  State state = begin_state();
  double total = 0;
  for (char c : word) {
    auto symbol = internal::letter_symbol(c);
    if (symbol == 0) return -std::numeric_limits<double>::infinity();
    total += step(state, symbol);
  }
  return total + step(state, kEnd);
}

double CharModel::log_prob_per_char(std::string_view word) const {
  return log_prob(word) / static_cast<double>(word.size() + 1);
}

std::array<double, CharModel::kSymbolCount> CharModel::next_probabilities(std::string_view prefix) const {
  std::array<double, kSymbolCount> out{};
  State state = begin_state();
  for (char c : prefix) {
    auto symbol = internal::letter_symbol(c);
    if (symbol == 0) return out;
    step(state, symbol);
  }
  log_distribution(state, out);
  for (double& p : out) p = std::exp(p);
  return out;
}

std::string CharModel::sample(std::mt19937_64& rng, const SampleOptions& options) const {
  const std::size_t max_length = options.max_length;
  if (max_length > kMaxWordLength || options.min_length > max_length || options.prefix.size() > max_length) return {};
  std::string prefix;
  State start = begin_state();
  for (char c : options.prefix) {
    auto symbol = internal::letter_symbol(c);
    if (symbol == 0) return {};
    prefix.push_back(static_cast<char>('a' + symbol - 1));
    step(start, symbol);
  }
  const double inverse_temperature = 1.0 / (options.temperature >= 0.05 ? options.temperature : 0.05);  // NaN too
  std::array<double, kSymbolCount> weights{};
  std::string word;
  for (int attempt = 0; attempt < options.max_attempts; ++attempt) {
    word = prefix;
    State state = start;
    while (true) {
      double total = sampling_weights(state, inverse_temperature, options.cache, weights);
      // Too short: the end marker is not an option. At max_length the word must end here, so
      // it ends with the end marker's own chance, else the attempt is drawn again.
      if (word.size() < options.min_length) {
        total -= weights[kEndSymbol];
        weights[kEndSymbol] = 0;
      }
      if (total <= 0) break;
      double pick = unit_random(rng) * total;
      std::size_t s = 0;
      while (s + 1 < kSymbolCount && pick >= weights[s]) pick -= weights[s++];
      if (weights[s] == 0) {  // rounding walked past the last non-zero weight
        while (s > 0 && weights[s] == 0) --s;
      }
      if (s == kEndSymbol) return word;
      if (word.size() == max_length) break;
      word.push_back(static_cast<char>('a' + s));
      step(state, s + 1);
    }
  }
  return {};
}

Status CharModel::save(const std::filesystem::path& path) const {
  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kVersion;
  header.byte_order = kByteOrder;
  header.order = static_cast<std::uint32_t>(order_);
  header.entry_size = sizeof(Entry);
  header.capacity = slots_.size();
  header.entry_count = entry_count_;
  header.checksum = checksum(header, slots_);

  const std::string_view parts[] = {
      {reinterpret_cast<const char*>(&header), sizeof header},
      {reinterpret_cast<const char*>(slots_.data()), slots_.size() * sizeof(Entry)}};
  return write_file_atomically(path, parts);
}

Result<CharModel> CharModel::load(const std::filesystem::path& path) {
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("{} is not a usable character model: {}", path.string(), why),
                "path");
  };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    auto code = errno == ENOENT ? ErrorCode::not_found : ErrorCode::unavailable;
    return fail(code, "cannot open " + path.string() + ": " + errno_text(), "path");
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return corrupt("not a regular file");
  auto read_at = [&](void* out, std::size_t size, std::size_t offset) {
    auto* p = static_cast<char*>(out);
    while (size > 0) {
      ssize_t n = ::pread(fd, p, size, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      p += n;
      size -= static_cast<std::size_t>(n);
      offset += static_cast<std::size_t>(n);
    }
    return true;
  };
  const auto file_size = static_cast<std::uint64_t>(st.st_size);
  FileHeader header{};
  if (file_size < sizeof header || !read_at(&header, sizeof header, 0)) return corrupt("truncated header");
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) return corrupt("wrong magic (not a charlm.bin)");
  if (header.byte_order != kByteOrder) return corrupt("written on a machine of the other byte order");
  if (header.version != kVersion)
    return corrupt(fmt::format("format version {} (this build reads {}): run `snai data build`", header.version, kVersion));
  if (header.order < 2 || header.order > kMaxOrder) return corrupt(fmt::format("order {} out of range", header.order));
  if (header.entry_size != sizeof(Entry)) return corrupt(fmt::format("entry size {}", header.entry_size));
  if (header.capacity < 64 || header.capacity > (std::uint64_t{1} << 32) || !std::has_single_bit(header.capacity))
    return corrupt(fmt::format("table size {} is not a power of two in range", header.capacity));
  const std::uint64_t expected = sizeof header + header.capacity * sizeof(Entry);
  if (file_size != expected)
    return corrupt(fmt::format("{} bytes where the header promises {} ({})", file_size, expected,
                               file_size < expected ? "truncated" : "trailing bytes"));
  if (std::any_of(std::begin(header.reserved), std::end(header.reserved), [](std::uint8_t b) { return b != 0; }))
    return corrupt("unknown header fields (reserved bytes are set)");
  // At least a quarter of the slots stay empty, so every probe sequence ends.
  if (header.entry_count > header.capacity / 4 * 3) return corrupt("table overfull");

  std::vector<Entry> slots(header.capacity);
  if (!read_at(slots.data(), header.capacity * sizeof(Entry), sizeof header)) return corrupt("short read");
  if (checksum(header, slots) != header.checksum) return corrupt("checksum mismatch (damaged file)");

  std::size_t used = 0;
  for (const auto& e : slots) {
    if (e.key == 0) continue;
    ++used;
    if (internal::key_length(e.key) > static_cast<int>(header.order)) return corrupt("an n-gram longer than the order");
    if (!std::isfinite(e.log_prob) || !std::isfinite(e.next_backoff)) return corrupt("a probability is not finite");
  }
  if (used != header.entry_count) return corrupt("entry count does not match the table");
  CharModel model(static_cast<int>(header.order), std::move(slots), used);
  // Every stored key must be reachable by probing, and scoring relies on all unigrams and the
  // begin context being present.
  const std::size_t mask = model.slots_.size() - 1;
  auto findable = [&](std::uint64_t key) {
    for (std::size_t i = internal::slot_hash(key) >> model.shift_;; i = (i + 1) & mask) {
      if (model.slots_[i].key == key) return true;
      if (model.slots_[i].key == 0) return false;
    }
  };
  for (std::uint64_t s = 1; s <= kBegin; ++s)
    if (!findable(s)) return corrupt("a unigram or the begin context is missing");
  for (const auto& e : model.slots_)
    if (e.key != 0 && !findable(e.key)) return corrupt("an entry is out of place");
  return model;
}

}  // namespace snai::charlm
