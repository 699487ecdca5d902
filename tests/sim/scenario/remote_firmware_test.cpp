// SPDX-License-Identifier: Apache-2.0
// `remote.firmware` and `clusters.remote.core`: real firmware is checked when the scenario loads,
// so a wrong file or a wrong combination is an input error with its key (exit 2), never a crash.
#include "sim/scenario/remote_firmware.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario.h"
#include "tests/sim/scenario/scenario_file.h"

namespace sim::app {
namespace {

const char* const kMaster = "master:\n  apps:\n    - rpmsg_client_sample: { count: 3 }\n";

std::string iss_scenario(const std::string& firmware, const std::string& more = "") {
  return "name: t\nstop_at: 1ms\nset:\n  clusters.remote.core.model: iss\n" + more +
         std::string(kMaster) + "remote:\n  firmware: " + firmware + "\n";
}

/// The message and key path of the error loading `body` gives.
config::ConfigError load_error(const std::string& body) {
  ScenarioFile f(body);
  try {
    load_scenario(f.path());
  } catch (const config::ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "loaded:\n" << body;
  return config::ConfigError({}, "", "");
}

bool has(const config::ConfigError& e, const std::string& text) {
  return std::string(e.what()).find(text) != std::string::npos;
}

TEST(RemoteFirmware, AnElfOnTheIssCoreIsReadWithItsSegmentsAndSymbols) {
  ScenarioFile f(iss_scenario(IPCSIM_FIXTURE_ELF));
  const Scenario sc = load_scenario(f.path());
  ASSERT_TRUE(sc.remote.firmware_image != nullptr);
  EXPECT_EQ(sc.remote.firmware, IPCSIM_FIXTURE_ELF);
  EXPECT_EQ(sc.remote.firmware_image->entry, 0x20000030u);
  EXPECT_EQ(sc.board.cluster(Side::kRemote).core.model, models::CoreModel::kIss);
  EXPECT_EQ(sc.board.cluster(Side::kRemote).core.gicd, 0x17600000u); // the board's GIC
}

TEST(RemoteFirmware, FirmwareWithoutAnIssCoreAndAnIssCoreWithoutFirmwareAreRefused) {
  const auto no_iss = load_error("name: t\nstop_at: 1ms\n" + std::string(kMaster) +
                                 "remote:\n  firmware: " + IPCSIM_FIXTURE_ELF + "\n");
  EXPECT_EQ(no_iss.path(), "remote.firmware");
  EXPECT_TRUE(has(no_iss, "set clusters.remote.core.model: iss")) << no_iss.what();

  const auto no_elf = load_error(
      "name: t\nstop_at: 1ms\nset:\n  clusters.remote.core.model: iss\n" + std::string(kMaster));
  EXPECT_EQ(no_elf.path(), "clusters.remote.core.model");
  EXPECT_TRUE(has(no_elf, "remote.firmware")) << no_elf.what();
}

TEST(RemoteFirmware, TheModelledApplicationsCannotRunBesideFirmware) {
  const auto e = load_error(iss_scenario(std::string(IPCSIM_FIXTURE_ELF) +
                                         "\n  apps:\n    - client_sample_responder: {}"));
  EXPECT_EQ(e.path(), "remote.apps");
}

TEST(RemoteFirmware, AMissingFileOrAHostProgramIsNamedAsSuch) {
  const auto missing = load_error(iss_scenario("/nonexistent/firmware.elf"));
  EXPECT_EQ(missing.path(), "remote.firmware");
  EXPECT_TRUE(has(missing, "/nonexistent/firmware.elf")) << missing.what();

  const auto host = load_error(iss_scenario("/bin/sh"));
  EXPECT_EQ(host.path(), "remote.firmware");
  EXPECT_TRUE(has(host, "AArch64")) << host.what();
}

TEST(RemoteFirmware, ASegmentOutsideTheCoresMemoryIsRefused) {
  // With the image region moved away, the fixture's code segment at 0x20000000 lies in no RAM.
  const auto e = load_error(iss_scenario(
      IPCSIM_FIXTURE_ELF,
      "  clusters.remote.mmu: [ { name: image, base: 0x20100000, size: 0x1000, attr: normal_wb "
      "} ]\n"));
  EXPECT_EQ(e.path(), "remote.firmware");
  EXPECT_TRUE(has(e, "the segment [0x20000000")) << e.what();
  EXPECT_TRUE(has(e, "does not fit in one region the core has")) << e.what();
}

TEST(RemoteFirmware, AnIssCoreOnTheMasterIsRefused) {
  const auto e = load_error("name: t\nstop_at: 1ms\nset:\n  clusters.master.core.model: iss\n" +
                            std::string(kMaster));
  EXPECT_EQ(e.path(), "clusters.master.core.model");
  EXPECT_TRUE(has(e, "remote's firmware only")) << e.what();
}

TEST(RemoteFirmware, AGicOverlappingTheCoresMemoryIsRefused) {
  const auto e = load_error(
      iss_scenario(IPCSIM_FIXTURE_ELF, "  clusters.remote.core.gic.distributor: 0x20000000\n"));
  EXPECT_EQ(e.path(), "remote.firmware");
  EXPECT_TRUE(has(e, "overlaps image")) << e.what();
}

TEST(RemoteFirmware, TheProbePortIsAPageOfItsOwn) {
  ScenarioFile f(iss_scenario(IPCSIM_FIXTURE_ELF));
  EXPECT_EQ(load_scenario(f.path()).board.cluster(Side::kRemote).core.probe_port, 0x1fff0000u);

  const auto over_memory = load_error(
      iss_scenario(IPCSIM_FIXTURE_ELF, "  clusters.remote.core.probe_port: 0x200c8000\n"));
  EXPECT_TRUE(has(over_memory, "clusters.remote.core.probe_port [0x200c8000"))
      << over_memory.what();
  EXPECT_TRUE(has(over_memory, "overlaps vdev0vring0")) << over_memory.what();

  const auto over_gic = load_error(
      iss_scenario(IPCSIM_FIXTURE_ELF, "  clusters.remote.core.probe_port: 0x17601000\n"));
  EXPECT_TRUE(has(over_gic, "overlaps the GIC")) << over_gic.what();

  const auto unaligned = load_error(
      iss_scenario(IPCSIM_FIXTURE_ELF, "  clusters.remote.core.probe_port: 0x1fff0004\n"));
  EXPECT_EQ(unaligned.path(), "clusters.remote.core.probe_port");
  EXPECT_TRUE(has(unaligned, "4 KiB aligned")) << unaligned.what();

  ScenarioFile none(iss_scenario(IPCSIM_FIXTURE_ELF, "  clusters.remote.core.probe_port: 0\n"));
  EXPECT_EQ(load_scenario(none.path()).board.cluster(Side::kRemote).core.probe_port, 0u);
}

} // namespace
} // namespace sim::app
