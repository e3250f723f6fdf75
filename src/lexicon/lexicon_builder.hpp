// Builds the lexicon artifact — one memory-mappable file — from the Debian data packages:
// WordNet 3.0 (wordnet-base), the CMU pronouncing dictionary (festlex-cmu) and the word
// lists (wamerican, wamerican-huge). `snai data build` calls this; start-up only opens the
// result with Lexicon::open.
//
//   snai::lexicon::LexiconSources sources;                      // Debian's default paths
//   for (const auto& missing : check_lexicon_sources(sources))
//     std::cerr << missing.path << ": install " << missing.package << "\n";
//   auto artifact = data_dir / kLexiconArtifactName;           // var/data/lexicon.bin
//   if (!lexicon_is_current(artifact, sources))
//     auto status = build_lexicon(sources, artifact, [](std::string_view stage, double fraction) { ... });
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace snai::lexicon {

inline constexpr std::string_view kLexiconArtifactName = "lexicon.bin";

struct LexiconSources {
  std::filesystem::path wordnet_dir = "/usr/share/wordnet";
  std::filesystem::path cmudict = "/usr/share/festival/dicts/cmu/cmudict-0.4.out";
  std::filesystem::path words = "/usr/share/dict/american-english";
  std::filesystem::path words_huge = "/usr/share/dict/american-english-huge";
};

struct MissingInput {
  std::filesystem::path path;
  std::string package;  // the Debian package that provides it, e.g. "wordnet-base"
};

// Every input file that is not there (empty when all are).
std::vector<MissingInput> check_lexicon_sources(const LexiconSources& sources);

// A hash of the artifact format version and every input's path, size and modification
// time. Stored in the artifact (Lexicon::source_fingerprint()) so a build can be skipped
// when nothing changed.
std::uint64_t lexicon_sources_fingerprint(const LexiconSources& sources);

// True when `artifact` opens cleanly, has this program's format version and was built from
// inputs with the same fingerprint: `snai data build` can skip it (unless --force).
bool lexicon_is_current(const std::filesystem::path& artifact, const LexiconSources& sources);

// Called with stage names "wordnet", "cmudict", "word lists", "indexing", "writing" and the
// fraction of the whole build done (0..1).
using BuildProgress = std::function<void(std::string_view stage, double fraction)>;

// Reads the sources and writes the artifact to out_file (atomically: a temporary file in
// the same directory, then rename). Errors: failed_precondition naming the missing file and
// its package; data_corrupt naming file and line of an unreadable input; unavailable when
// out_file cannot be written.
Status build_lexicon(const LexiconSources& sources, const std::filesystem::path& out_file,
                     const BuildProgress& progress = {});

}  // namespace snai::lexicon
