// SPDX-License-Identifier: Apache-2.0
// Bring-up of the Zephyr remote against a scripted master: the wait for DRIVER_OK, the name-service
// announcement, notification suppression, and the status byte read through a stale cache line
// (real-bugs B5). One simulation per TEST.
#include <gtest/gtest.h>

#include "sw/apps/zephyr/client_sample_responder.h"
#include "sw/shm/layout.h"
#include "sw/shm/ns_message.h"
#include "tests/sw/zephyr/remote_rig.h"

namespace sim::test {
namespace {

namespace shm = sw::shm;
using sw::apps::ClientSampleResponder;
using sw::apps::ClientSampleResponderOptions;

ClientSampleResponderOptions quiet() {
  ClientSampleResponderOptions o;
  o.console = false;
  return o;
}

TEST(ZephyrBoot, WaitsForDriverOkThenAnnouncesItsEndpoint) {
  RemoteRig rig;
  ClientSampleResponder app(quiet());
  rig.boot_remote({&app});
  bool ok_before_attach = true;
  bool kicked = false;
  std::uint16_t used_before_attach = 0xffff;
  std::uint16_t used_flags = 0;
  std::vector<ScriptedMaster::Message> got;
  rig.f.boot(Side::kMaster, {"script", 0, false, 0}, [&](hal::Hal& hal) {
    hal.sleep(3 * hal::kMs); // the remote has been spinning on the status byte all along
    ok_before_attach = rig.status.driver_ok_seen;
    rig.master = std::make_unique<ScriptedMaster>(hal, rig.f.info(Side::kMaster));
    used_before_attach = rig.master->vring0().used_idx();
    rig.master->attach();
    kicked = rig.master->wait_kick(20 * hal::kMs);
    got = rig.master->receive();
    used_flags = rig.master->vring0().used_flags();
  });
  rig.run_ms(30);

  EXPECT_FALSE(ok_before_attach);
  EXPECT_EQ(used_before_attach, 0u);
  EXPECT_TRUE(rig.status.driver_ok_seen);
  EXPECT_TRUE(rig.status.rpmsg_ready);
  ASSERT_TRUE(kicked);
  EXPECT_EQ(rig.master->kicks().front(), 0u); // vring0's notify id
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].used_len, 512u); // desc.len of the whole buffer, not 16 + 40
  EXPECT_EQ(got[0].hdr.src, 0x400u);
  EXPECT_EQ(got[0].hdr.dst, 0x35u);
  EXPECT_EQ(got[0].hdr.len, 40u);
  ASSERT_EQ(got[0].payload.size(), 40u);
  const shm::NsMessage ns = shm::decode_ns_message(got[0].payload.data());
  EXPECT_EQ(ns.name, "rpmsg-client-sample");
  EXPECT_EQ(ns.addr, 0x400u);
  EXPECT_EQ(ns.flags, shm::kRpmsgNsCreate);
  // virtqueue_disable_cb(svq): Linux must not notify when it returns RX buffers.
  EXPECT_EQ(used_flags & shm::kVringUsedFNoNotify, shm::kVringUsedFNoNotify);
  EXPECT_EQ(app.status().create_status, 0);
}

TEST(ZephyrBoot, StatusReadThroughTheCacheNeverSeesDriverOkBeforeV2023_10) {
  RemoteRig rig;
  rig.options.release = "v2023.04";
  ClientSampleResponder app(quiet());
  rig.boot_remote({&app});
  bool kicked = true;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) { kicked = m.wait_kick(50 * hal::kMs); });
  rig.run_ms(100);

  // Linux wrote 7 into DRAM at ~1.2 ms; the remote's line still says 0 (B5).
  EXPECT_TRUE(rig.master_done);
  EXPECT_FALSE(kicked);
  EXPECT_FALSE(rig.status.driver_ok_seen);
  EXPECT_FALSE(rig.status.rpmsg_ready);
  // One poll, woken only by the writes to the byte: the spin costs no host time.
  const models::ClusterStats& stats = rig.f.platform().cluster(Side::kRemote).stats();
  EXPECT_EQ(stats.polls, 1u);
  EXPECT_LE(stats.poll_wakeups, 10u);
}

TEST(ZephyrBoot, V2023_10InvalidatesTheTableAndSeesDriverOk) {
  RemoteRig rig;
  rig.options.release = "v2023.10";
  ClientSampleResponder app(quiet());
  rig.boot_remote({&app});
  std::vector<ScriptedMaster::Message> got;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    m.wait_kick(50 * hal::kMs);
    got = m.receive();
  });
  rig.run_ms(20);
  EXPECT_TRUE(rig.status.driver_ok_seen);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].hdr.dst, 0x35u);
}

TEST(ZephyrBoot, V2023_10WithoutTheTableInvalidateNeverSeesDriverOk) {
  // rsc_table_invalidate (a2456e6) switched off over v2023.10: B5 again.
  RemoteRig rig;
  rig.options.release = "v2023.10";
  rig.options.openamp_features = {{"rsc_table_invalidate", false}};
  ClientSampleResponder app(quiet());
  rig.boot_remote({&app});
  rig.boot_master(nullptr);
  rig.run_ms(20);
  EXPECT_FALSE(rig.status.driver_ok_seen);
}

TEST(ZephyrBoot, AnEvictionReleasesThePreV2023_10Spin) {
  // eviction: on_doorbell drops the remote's whole D-cache when Linux's kick after DRIVER_OK
  // arrives: the next read of the status byte misses and finally sees 7.
  RemoteRig rig(RemoteRig::Sets{{"clusters.remote.dcache.eviction", "on_doorbell"}});
  rig.options.release = "v2022.04";
  ClientSampleResponder app(quiet());
  rig.boot_remote({&app});
  rig.boot_master(nullptr);
  rig.run_ms(20);
  EXPECT_TRUE(rig.status.driver_ok_seen);
  EXPECT_TRUE(rig.status.rpmsg_ready);
}

} // namespace
} // namespace sim::test
