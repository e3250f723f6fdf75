#include "lexicon/testing/mini_lexicon.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace snai::lexicon::testing {
namespace {

void write(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("snai_lexicon_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

LexiconSources write_mini_sources(const std::filesystem::path& dir) {
  auto wn = dir / "wordnet";
  // Offsets are synset ids; they only have to agree between the files.
  write(wn / "data.noun",
        "  1 This software and database is being provided to you, the LICENSEE, by  \n"
        "00000100 18 n 06 doctor 0 doc 0 physician 0 MD 0 Dr. 0 medico 0 003 @ 00000200 n 0000 + 00000300 v 0101 "
        ";c 00000400 n 0000 | a licensed medical practitioner; \"I felt so bad I went to see my doctor\"  \n"
        "00000200 18 n 02 medical_practitioner 0 medical_man 0 001 ~ 00000100 n 0000 | someone who practices medicine  \n"
        "00000400 09 n 01 medicine 0 001 -c 00000100 n 0000 | the learned profession of healing  \n"
        "00000500 10 n 01 note 0 000 | a brief written record; \"he made a note of the appointment\"  \n"
        "00000600 06 n 01 boat 0 000 | a small vessel for travel on water  \n");
  write(wn / "data.verb",
        "00000300 29 v 01 doctor 0 002 + 00000100 n 0101 @ 00000310 v 0000 01 + 02 00 | give medical treatment to  \n"
        "00000310 29 v 01 treat 0 000 01 + 02 00 | provide treatment for  \n"
        "00000320 40 v 01 take 0 000 01 + 08 00 | get into one's hands  \n"
        "00000330 30 v 01 break 0 000 01 + 08 00 | destroy the integrity of  \n");
  write(wn / "data.adj",
        "00000700 00 a 01 good 0 001 ! 00000710 a 0101 | having desirable or positive qualities  \n"
        "00000710 00 a 01 bad 0 001 ! 00000700 a 0101 | having undesirable or negative qualities  \n"
        "00000720 00 s 01 nice 0 001 & 00000700 a 0000 | pleasant or pleasing  \n"
        "00000730 00 a 01 breakable 0 001 ! 00000740 a 0101 | capable of being broken  \n"
        "00000740 00 a 01 unbreakable 0 001 ! 00000730 a 0101 | impossible to break  \n");
  write(wn / "data.adv", "00000800 02 r 01 well 0 000 | in a good manner  \n");
  write(wn / "index.noun",
        "  1 This software and database is being provided to you, the LICENSEE, by  \n"
        "boat n 1 0 1 0 00000600  \n"
        "doc n 1 1 @ 1 0 00000100  \n"
        "doctor n 1 3 @ + ; 1 1 00000100  \n"
        "dr. n 1 1 @ 1 0 00000100  \n"
        "md n 1 1 @ 1 0 00000100  \n"
        "medical_man n 1 1 ~ 1 0 00000200  \n"
        "medical_practitioner n 1 1 ~ 1 0 00000200  \n"
        "medicine n 1 1 - 1 0 00000400  \n"
        "medico n 1 1 @ 1 0 00000100  \n"
        "note n 1 0 1 0 00000500  \n"
        "physician n 1 1 @ 1 0 00000100  \n");
  write(wn / "index.verb",
        "break v 1 0 1 0 00000330  \n"
        "doctor v 1 1 + 1 0 00000300  \n"
        "take v 1 0 1 1 00000320  \n"
        "treat v 1 0 1 0 00000310  \n");
  write(wn / "index.adj",
        "bad a 1 1 ! 1 0 00000710  \n"
        "breakable a 1 1 ! 1 0 00000730  \n"
        "good a 1 1 ! 1 1 00000700  \n"
        "nice a 1 1 & 1 0 00000720  \n"
        "unbreakable a 1 1 ! 1 0 00000740  \n");
  write(wn / "index.adv", "well r 1 0 1 0 00000800  \n");
  write(wn / "noun.exc", "");
  write(wn / "verb.exc", "took take\n");
  write(wn / "adj.exc", "better good well\n");
  write(wn / "adv.exc", "better well\n");
  write(wn / "cntlist.rev", "doctor%1:18:00:: 1 73\ntake%2:40:00:: 1 50\ngood%3:00:01:: 1 100\n");
  write(dir / "cmudict-0.4.out",
        "MNCL\n"
        "(\"boat\" nil (((b ow t) 1)))\n"
        "(\"denote\" nil (((d ih) 0) ((n ow t) 1)))\n"
        "(\"doctor\" nil (((d aa k) 1) ((t er) 0)))\n"
        "(\"good\" nil (((g uh d) 1)))\n"
        "(\"note\" nil (((n ow t) 1)))\n"
        "(\"record\" n (((r eh) 1) ((k er d) 0)))\n"
        "(\"record\" v (((r ax) 0) ((k ao r d) 1)))\n"
        "(\"scribe\" nil (((s k r ay b) 1)))\n"
        "(\"vote\" nil (((v ow t) 1)))\n"
        "(\"well\" nil (((w eh l) 1)))\n");
  write(dir / "american-english", "Aaron\nAaron's\nboat\ndoctor\nnote\nrecord\nscribe\nvote\nwell\n");
  write(dir / "american-english-huge", "Aaron\nAaron's\nboat\ndenote\ndoctor\nnotary\nnote\nrecord\nscribe\nvote\nwell\n");
  return {.wordnet_dir = wn,
          .cmudict = dir / "cmudict-0.4.out",
          .words = dir / "american-english",
          .words_huge = dir / "american-english-huge"};
}

const MiniLexicon& mini_lexicon() {
  static const MiniLexicon* built = [] {
    auto dir = scratch_dir("mini");
    auto sources = write_mini_sources(dir);
    auto artifact = dir / "lexicon.bin";
    auto status = build_lexicon(sources, artifact);
    if (!status) {
      std::fprintf(stderr, "mini lexicon build failed: %s\n", status.error().describe().c_str());
      std::abort();
    }
    auto lexicon = Lexicon::open(artifact);
    if (!lexicon) {
      std::fprintf(stderr, "mini lexicon open failed: %s\n", lexicon.error().describe().c_str());
      std::abort();
    }
    static std::filesystem::path cleanup = dir;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(cleanup, ec);
    });
    return new MiniLexicon{dir, sources, artifact, std::move(*lexicon)};
  }();
  return *built;
}

}  // namespace snai::lexicon::testing
