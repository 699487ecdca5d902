// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/scenario.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/sim/scenario/scenario_file.h"

#include <unistd.h>

namespace sim::app {
namespace {

const std::string kSource = IPCSIM_SOURCE_DIR;

const char* kApps = "master:\n  apps:\n    - shared_flag_writer: { flag: vdev0buffer }\n"
                    "remote:\n  apps:\n    - shared_flag_reader: { flag: vdev0buffer }\n";

TEST(Scenario, LoadsTheBoardAppsAndExpectations) {
  Scenario sc = load_scenario(kSource + "/scenarios/basic/shared_flag.yaml");
  EXPECT_EQ(sc.name, "shared_flag");
  EXPECT_EQ(sc.seed, 1u);
  EXPECT_EQ(sc.stop_at, 100 * kPsPerMs);
  EXPECT_EQ(sc.board.name, "tcc807x");
  ASSERT_EQ(sc.master_apps.size(), 1u);
  EXPECT_EQ(sc.master_apps[0].name, "shared_flag_writer");
  EXPECT_EQ(sc.remote_apps[0].name, "shared_flag_reader");
  EXPECT_EQ(*sc.expect.outcome, "completed");
}

TEST(Scenario, TypoedTopLevelKeyExitsWithLineAndPath) {
  ScenarioFile f(std::string("name: t\nstop_at: 1ms\nexpcet: {outcome: completed}\n") + kApps);
  try {
    load_scenario(f.path());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "expcet");
    EXPECT_EQ(e.loc().line, 4);
    EXPECT_NE(std::string(e.what()).find("did you mean 'expect'"), std::string::npos);
  }
}

TEST(Scenario, SetOverridesBoardKeysAndPointsAtTheScenarioOnError) {
  ScenarioFile f(
      std::string("name: t\nstop_at: 1ms\nset:\n  clusters.remote.dcache.size: 64KiB\n") + kApps);
  Scenario sc = load_scenario(f.path());
  EXPECT_EQ(sc.board.cluster(Side::kRemote).dcache.size, 64u * 1024);

  ScenarioFile bad(
      std::string("name: t\nstop_at: 1ms\nset:\n  clusters.remote.dcache.size: 3KiB\n") + kApps);
  try {
    load_scenario(bad.path());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(*e.loc().file, bad.path());
    EXPECT_EQ(e.path(), "clusters.remote.dcache.size");
  }
}

TEST(Scenario, CommandLineSetOverridesSoftwareOptionsAndSeed) {
  LoadOptions o;
  o.sets = {"remote.apps[0].shared_flag_reader.rounds=7"};
  o.has_seed = true;
  o.seed = 42;
  Scenario sc = load_scenario(kSource + "/scenarios/basic/shared_flag.yaml", o);
  EXPECT_EQ(sc.seed, 42u);
  ASSERT_EQ(sc.remote_apps.size(), 1u);
}

TEST(Scenario, CommandLineSetTypoNamesTheSetArgument) {
  LoadOptions o;
  o.sets = {"clusters.remote.dcache.wayz=8"};
  try {
    load_scenario(kSource + "/scenarios/basic/shared_flag.yaml", o);
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("--set clusters.remote.dcache.wayz=8"), std::string::npos);
    EXPECT_EQ(e.path(), "clusters.remote.dcache.wayz");
  }
}

TEST(Scenario, UnknownApplicationListsTheKnownOnes) {
  ScenarioFile f("name: t\nstop_at: 1ms\nremote:\n  apps:\n    - tty_responser: {}\n");
  try {
    load_scenario(f.path());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "remote.apps[0].tty_responser");
    EXPECT_NE(std::string(e.what()).find("known: shared_flag_reader, client_sample_responder, "
                                         "tty_responder, queued_responder"),
              std::string::npos)
        << e.what();
  }
}

TEST(Scenario, AppOnTheWrongSideIsRejected) {
  ScenarioFile f(
      "name: t\nstop_at: 1ms\nremote:\n  apps:\n    - shared_flag_writer: {flag: vdev0buffer}\n");
  EXPECT_THROW(load_scenario(f.path()), config::ConfigError);
}

TEST(Scenario, MissingBoardFileIsAClearError) {
  std::filesystem::path p = std::filesystem::temp_directory_path() /
                            ("ipcsim_noboard_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(p) << "name: t\nboard: nowhere.yaml\nstop_at: 1ms\n";
  try {
    load_scenario(p.string());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "board");
    EXPECT_NE(std::string(e.what()).find("cannot open board file"), std::string::npos);
  }
  std::filesystem::remove(p);
}

TEST(Scenario, FlagOutsideEveryCarveoutIsRejected) {
  ScenarioFile f(
      "name: t\nstop_at: 1ms\nremote:\n  apps:\n    - shared_flag_reader: {flag: shm}\n");
  try {
    load_scenario(f.path());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("neither an address nor a carve-out"), std::string::npos);
  }
}

TEST(Scenario, ARestartNeedsAZephyrImageRunningBeforeIt) {
  ScenarioFile bare("name: t\nstop_at: 1ms\nremote:\n  apps:\n"
                    "    - shared_flag_reader: {flag: vdev0buffer}\n"
                    "faults:\n  - remote_restarts: {at: 5ms, reboot: 2ms}\n");
  try {
    load_scenario(bare.path());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "faults[0]");
    EXPECT_NE(std::string(e.what()).find("runs none (only bare programs)"), std::string::npos);
  }
  ScenarioFile early("name: t\nstop_at: 1ms\nremote:\n  apps:\n"
                     "    - client_sample_responder: {}\n"
                     "faults:\n  - remote_boots_late: {at: 10ms}\n"
                     "  - remote_restarts: {at: 5ms, reboot: 2ms}\n");
  try {
    load_scenario(early.path());
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "faults[1]");
    EXPECT_NE(std::string(e.what()).find("comes before the remote booted"), std::string::npos);
  }
}

} // namespace
} // namespace sim::app
