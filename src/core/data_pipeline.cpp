#include "core/data_pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/file_io.hpp"
#include "core/id.hpp"

namespace snai {
namespace fs = std::filesystem;
namespace {

constexpr int kManifestFormat = 1;

fs::path resolve(const fs::path& data_dir, const fs::path& p) { return p.is_absolute() ? p : data_dir / p; }

// `label` names the file in the listing, so that the same data dir reached by another path
// ("var" or "/srv/snai/var") has the same fingerprint.
void describe_file(const fs::path& p, const std::string& label, std::string& out) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
  out += fmt::format("{}\t{}\t{}\n", label, size, mtime);
}

nlohmann::json read_manifest(const fs::path& file) {
  auto text = read_file(file);
  if (!text) return nlohmann::json::object();
  auto manifest = nlohmann::json::parse(*text, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() || manifest.value("format", 0) != kManifestFormat)
    return nlohmann::json::object();  // unreadable or old: everything is rebuilt
  return manifest;
}

Status write_manifest(const fs::path& file, const nlohmann::json& manifest) {
  return write_file_atomically(file, manifest.dump(2) + "\n");
}

bool up_to_date(const nlohmann::json& entry, const Stage& stage, const std::string& fingerprint,
                const fs::path& data_dir) {
  if (!entry.is_object() || entry.value("version", -1) != stage.version || entry.value("fingerprint", "") != fingerprint)
    return false;
  std::error_code ec;
  for (const auto& out : stage.outputs)
    if (!fs::is_regular_file(resolve(data_dir, out), ec)) return false;
  return true;
}

}  // namespace

std::string fingerprint_inputs(const std::vector<fs::path>& paths, const fs::path& base) {
  std::string listing;
  auto label_of = [&](const fs::path& p) {
    auto relative = base.empty() ? fs::path() : p.lexically_relative(base);
    return relative.empty() || relative.native().starts_with("..") ? p.string() : relative.string();
  };
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::recursive_directory_iterator(p, ec))
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) describe_file(f, label_of(f), listing);
    } else {
      describe_file(p, label_of(p), listing);
    }
  }
  return sha256_hex(listing);
}

std::vector<std::string> DataPipeline::missing_inputs(const fs::path& data_dir) const {
  std::vector<std::string> missing;
  std::vector<fs::path> produced;  // outputs of earlier stages count as present
  for (const auto& stage : stages_) {
    for (const auto& input : stage.inputs) {
      auto path = resolve(data_dir, input.path);
      std::error_code ec;
      bool made_earlier = std::find(produced.begin(), produced.end(), path) != produced.end();
      if (!made_earlier && !fs::exists(path, ec))
        missing.push_back(fmt::format("{} (stage {}): install {}", path.string(), stage.name, input.provider));
    }
    for (const auto& out : stage.outputs) produced.push_back(resolve(data_dir, out));
  }
  return missing;
}

Result<std::vector<StageOutcome>> DataPipeline::run(const fs::path& data_dir, const PipelineOptions& options,
                                                    Progress& progress) const {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return fail(ErrorCode::unavailable, fmt::format("cannot create {}: {}", data_dir.string(), ec.message()));
  if (auto missing = missing_inputs(data_dir); !missing.empty()) {
    std::string message = "missing inputs:";
    for (const auto& m : missing) message += "\n  " + m;
    message += "\n(scripts/install-deps.sh installs all of them)";
    return fail(ErrorCode::failed_precondition, message);
  }

  auto manifest_file = data_dir / "manifest.json";
  auto manifest = read_manifest(manifest_file);
  manifest["format"] = kManifestFormat;
  std::vector<StageOutcome> outcomes;
  int index = 0;
  for (const auto& stage : stages_) {
    ++index;
    std::vector<fs::path> input_paths;
    for (const auto& input : stage.inputs) input_paths.push_back(resolve(data_dir, input.path));
    auto fingerprint = fingerprint_inputs(input_paths, data_dir);
    if (!stage.settings.empty()) fingerprint = sha256_hex(fingerprint + "\n" + stage.settings);
    progress.begin_stage(stage.name, index, static_cast<int>(stages_.size()));

    StageOutcome outcome{stage.name};
    if (!options.force && up_to_date(manifest["stages"][stage.name], stage, fingerprint, data_dir)) {
      for (const auto& out : stage.outputs) outcome.bytes += fs::file_size(resolve(data_dir, out), ec);
      progress.end_stage("up to date");
      outcomes.push_back(outcome);
      continue;
    }

    std::vector<fs::path> temps;
    for (const auto& out : stage.outputs) temps.push_back(resolve(data_dir, out).string() + ".partial");
    auto started = std::chrono::steady_clock::now();
    Status result = stage.run(StageRun(data_dir, temps, progress));
    if (!result) {
      for (const auto& t : temps) fs::remove(t, ec);
      progress.end_stage("failed");
      return fail(result.error().code, fmt::format("stage {} failed: {}", stage.name, result.error().message));
    }
    for (std::size_t i = 0; i < temps.size(); ++i) {
      auto final_path = resolve(data_dir, stage.outputs[i]);
      fs::rename(temps[i], final_path, ec);
      if (ec)
        return fail(ErrorCode::unavailable,
                    fmt::format("stage {}: cannot move {} into place: {}", stage.name, final_path.string(), ec.message()));
      outcome.bytes += fs::file_size(final_path, ec);
    }
    outcome.built = true;
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    manifest["stages"][stage.name] = {{"version", stage.version},
                                      {"fingerprint", fingerprint},
                                      {"built_at", format_iso8601(now_unix_ms())},
                                      {"seconds", outcome.seconds},
                                      {"bytes", outcome.bytes}};
    if (auto st = write_manifest(manifest_file, manifest); !st) return fail(st.error());
    progress.end_stage(fmt::format("built in {:.1f} s, {:.1f} MB", outcome.seconds, outcome.bytes / 1e6));
    outcomes.push_back(outcome);
  }
  return outcomes;
}

}  // namespace snai
