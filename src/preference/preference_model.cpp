#include "preference/preference_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "core/artifact_header.hpp"
#include "core/file_io.hpp"

namespace snai::preference {
namespace {

static_assert(std::endian::native == std::endian::little, "the model file is written little-endian");

// The file is core's artifact header (magic, version, size, checksum) and the payload.
// Version 1 had a header of its own starting with "SNPF" and no checksum.
constexpr std::string_view kMagic = "SNAIPREF";
constexpr std::uint32_t kVersion = 2;
constexpr std::string_view kVersion1Magic = "SNPF";

struct Pair {
  std::uint32_t better;
  std::uint32_t worse;
  float weight;
};

template <class T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class T>
bool take(std::string_view& in, T& value) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

}  // namespace

PreferenceModel::PreferenceModel() { scale_.fill(1.0f); }

PreferenceModel PreferenceModel::train(std::span<const JudgedName> names, const PreferenceTrainOptions& options) {
  PreferenceModel model;
  std::uint64_t events = 0;
  for (const auto& n : names) events += n.verdict != Verdict::shown;
  model.events_ = events;

  // Pairs within each group: favorite ≻ dismissed (weight 1) and, weaker, the shown ones
  // between. A long history makes F×D pairs; beyond max_pairs they are sampled by the seed
  // as they are made, so memory stays bounded.
  std::vector<std::uint32_t> order(names.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::stable_sort(order, [&](auto a, auto b) { return names[a].group < names[b].group; });
  struct Group {
    std::vector<std::uint32_t> by_verdict[3];  // favorite, shown, dismiss
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || names[order[i]].group != names[order[i - 1]].group) groups.emplace_back();
    auto v = names[order[i]].verdict;
    groups.back().by_verdict[v == Verdict::favorite ? 0 : v == Verdict::shown ? 1 : 2].push_back(order[i]);
  }
  bool use_shown = options.shown_weight > 0;
  double total = 0;
  for (const auto& g : groups) {
    double f = double(g.by_verdict[0].size()), s = double(g.by_verdict[1].size()), d = double(g.by_verdict[2].size());
    total += f * d + (use_shown ? f * s + s * d : 0);
  }
  std::mt19937_64 rng(options.seed);
  double keep = total > 0 ? std::min(1.0, 1.5 * double(options.max_pairs) / total) : 1.0;
  std::bernoulli_distribution take_pair(keep);
  std::vector<Pair> pairs;
  auto add = [&](const std::vector<std::uint32_t>& better, const std::vector<std::uint32_t>& worse, float w) {
    for (auto a : better)
      for (auto b : worse)
        if (keep >= 1.0 || take_pair(rng)) pairs.push_back({a, b, w});
  };
  for (const auto& g : groups) {
    add(g.by_verdict[0], g.by_verdict[2], 1.0f);
    if (use_shown) {
      add(g.by_verdict[0], g.by_verdict[1], float(options.shown_weight));
      add(g.by_verdict[1], g.by_verdict[2], float(options.shown_weight));
    }
  }
  if (pairs.empty()) return model;
  if (pairs.size() > options.max_pairs) {
    std::shuffle(pairs.begin(), pairs.end(), rng);
    pairs.resize(options.max_pairs);
  }
  model.pairs_ = pairs.size();

  // Standardise the dense block on the names themselves: the quality features range from
  // fractions to letter counts, and SGD with one step size needs them on one scale.
  std::vector<double> mean(kDenseDims, 0), var(kDenseDims, 0);
  for (const auto& n : names)
    for (std::size_t k = 0; k < kDenseDims; ++k) mean[k] += n.descriptor[k];
  for (auto& m : mean) m /= double(names.size());
  for (const auto& n : names)
    for (std::size_t k = 0; k < kDenseDims; ++k) var[k] += (n.descriptor[k] - mean[k]) * (n.descriptor[k] - mean[k]);
  for (std::size_t k = 0; k < kDenseDims; ++k) {
    double sd = std::sqrt(var[k] / double(names.size()));
    model.center_[k] = float(mean[k]);
    model.scale_[k] = sd > 1e-6 ? float(sd) : 1.0f;
  }
  std::vector<float> x(names.size() * kDescriptorSize);
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t k = 0; k < kDescriptorSize; ++k)
      x[i * kDescriptorSize + k] =
          k < kDenseDims ? (names[i].descriptor[k] - model.center_[k]) / model.scale_[k] : names[i].descriptor[k];

  // Averaged SGD (Bottou's step schedule); the average over the second half is the model.
  std::vector<double> w(kDescriptorSize, 0), avg(kDescriptorSize, 0), diff(kDescriptorSize);
  double lambda = options.l2, eta0 = options.learning_rate;
  std::uint64_t t = 0, averaged = 0;
  int epochs = std::max(1, options.epochs);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(pairs.begin(), pairs.end(), rng);
    for (const auto& p : pairs) {
      const float* a = &x[std::size_t(p.better) * kDescriptorSize];
      const float* b = &x[std::size_t(p.worse) * kDescriptorSize];
      double margin = 0;
      for (std::size_t k = 0; k < kDescriptorSize; ++k) {
        diff[k] = double(a[k]) - double(b[k]);
        margin += w[k] * diff[k];
      }
      double eta = eta0 / (1 + lambda * eta0 * double(t++));
      double g = p.weight / (1 + std::exp(margin));  // σ(−margin): how wrong the pair is
      double decay = 1 - eta * lambda;
      for (std::size_t k = 0; k < kDescriptorSize; ++k) w[k] = w[k] * decay + eta * g * diff[k];
      if (epoch >= epochs / 2) {
        ++averaged;
        for (std::size_t k = 0; k < kDescriptorSize; ++k) avg[k] += (w[k] - avg[k]) / double(averaged);
      }
    }
  }
  for (std::size_t k = 0; k < kDescriptorSize; ++k) model.weights_[k] = float(avg[k]);
  return model;
}

double PreferenceModel::score(const Descriptor& d) const {
  if (pairs_ == 0) return 0;
  double u = 0;
  for (std::size_t k = 0; k < kDenseDims; ++k) u += weights_[k] * ((d[k] - center_[k]) / scale_[k]);
  for (std::size_t k = kDenseDims; k < kDescriptorSize; ++k) u += weights_[k] * d[k];
  return u;
}

std::string PreferenceModel::to_bytes() const {
  std::string out;
  put(out, std::uint32_t(kDescriptorSize));
  put(out, std::uint32_t(kDenseDims));
  put(out, events_);
  put(out, pairs_);
  for (float v : center_) put(out, v);
  for (float v : scale_) put(out, v);
  for (float v : weights_) put(out, v);
  return encode_artifact_header(kMagic, kVersion, out) + out;
}

Result<PreferenceModel> PreferenceModel::from_bytes(std::string_view in) {
  if (in.starts_with(kVersion1Magic))
    return fail(ErrorCode::data_corrupt,
                fmt::format("preference model format 1 (this build reads {}): train it again", kVersion));
  auto payload = verify_artifact(in, kMagic, kVersion, "preference model", "train it again");
  if (!payload) return fail(payload.error());
  in = *payload;
  std::uint32_t size = 0, dense = 0;
  if (!take(in, size) || !take(in, dense) || size != kDescriptorSize || dense != kDenseDims)
    return fail(ErrorCode::data_corrupt,
                fmt::format("preference model has {} features ({} dense), this build {} ({})", size, dense,
                            kDescriptorSize, kDenseDims));
  PreferenceModel model;
  bool ok = take(in, model.events_) && take(in, model.pairs_);
  for (auto& v : model.center_) ok = ok && take(in, v);
  for (auto& v : model.scale_) ok = ok && take(in, v);
  for (auto& v : model.weights_) ok = ok && take(in, v);
  if (!ok || !in.empty()) return fail(ErrorCode::data_corrupt, "preference model is truncated or has trailing bytes");
  for (float v : model.scale_)
    if (!std::isfinite(v) || v <= 0) return fail(ErrorCode::data_corrupt, "preference model has a bad scale");
  for (float v : model.weights_)
    if (!std::isfinite(v)) return fail(ErrorCode::data_corrupt, "preference model has a non-finite weight");
  return model;
}

Status PreferenceModel::save(const std::filesystem::path& path) const {
  return write_file_atomically(path, to_bytes());
}

Result<PreferenceModel> PreferenceModel::load(const std::filesystem::path& path) {
  auto bytes = read_file(path);
  if (!bytes) return fail(ErrorCode::not_found, fmt::format("no preference model at {}", path.string()));
  return from_bytes(*bytes);
}

}  // namespace snai::preference
