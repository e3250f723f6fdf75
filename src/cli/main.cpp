// snai: the StartupNameAI command line. One subcommand per capability; see `snai --help`.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/command.hpp"

int main(int argc, char** argv) {
  using namespace snai::cli;
  CLI::App app{"StartupNameAI: brandable startup names, scored, checked for domains and brand conflicts", "snai"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "snai 0.1.0");

  CommonOptions options;
  int exit_code = kExitOk;
  add_serve_command(app, options, exit_code);
  add_generate_command(app, options, exit_code);
  add_check_command(app, options, exit_code);
  add_conflicts_command(app, options, exit_code);
  add_naming_commands(app, options, exit_code);
  add_eval_command(app, options, exit_code);
  add_data_command(app, options, exit_code);
  add_words_command(app, options, exit_code);
  add_expand_command(app, options, exit_code);
  add_import_command(app, options, exit_code);
  add_migrate_command(app, options, exit_code);
  add_keys_command(app, options, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return exit_code;
}
