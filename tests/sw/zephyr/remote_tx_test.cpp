// SPDX-License-Identifier: Apache-2.0
// The Zephyr remote's send path against a scripted master: waiting for TX buffers, trysend,
// parameter checks, silent truncation, notify_wait_cb, and the cache-maintenance calls (site names,
// partial lines). One simulation per TEST.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "sw/apps/zephyr/client_sample_responder.h"
#include "sw/zephyr/cache_sites.h"
#include "tests/sw/zephyr/test_clients.h"

namespace sim::test {
namespace {

namespace zephyr = sw::zephyr;

// An endpoint bound to Linux's 0x400 from the start: no name, so no announcement and no buffer
// needed before the test's own sends.
zephyr::Endpoint& bound_endpoint(zephyr::Rpmsg& rpmsg) {
  return rpmsg.create_endpoint(
      "", zephyr::kRpmsgAddrAny, 0x400,
      [](zephyr::Endpoint&, const void*, std::size_t, std::uint32_t) { return 0; });
}

TEST(ZephyrTx, WithoutBuffersSendPollsEveryMillisecondUntilTheTimeoutAndTrysendFailsAtOnce) {
  RemoteRig rig;
  rig.options.tx_buffer_timeout = 5 * hal::kMs;
  int try_ret = 0, send_ret = 0, any_ret = 0;
  hal::SimTime try_took = 0, send_took = 0;
  LambdaApp app([&](hal::Hal& hal, zephyr::Rpmsg& rpmsg) {
    zephyr::Endpoint& ept = bound_endpoint(rpmsg);
    hal::SimTime t0 = hal.now();
    try_ret = ept.trysend("x", 1);
    try_took = hal.now() - t0;
    t0 = hal.now();
    send_ret = ept.send("x", 1);
    send_took = hal.now() - t0;
    zephyr::Endpoint& unbound = rpmsg.create_endpoint(
        "", zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny,
        [](zephyr::Endpoint&, const void*, std::size_t, std::uint32_t) { return 0; });
    any_ret = unbound.send("x", 1);
  });
  rig.boot_remote({&app});
  ScriptedMasterConfig cfg;
  cfg.rx_posted = 0; // Linux has not given the remote any buffer
  rig.boot_master(nullptr, cfg);
  rig.run_ms(20);

  EXPECT_EQ(try_ret, zephyr::kRpmsgErrNoBuff);
  EXPECT_LT(try_took, 50 * hal::kUs);
  EXPECT_EQ(send_ret, zephyr::kRpmsgErrNoBuff);
  EXPECT_GE(send_took, 5 * hal::kMs);
  EXPECT_LT(send_took, 6 * hal::kMs);
  EXPECT_EQ(rig.status.tx_buffer_waits, 5u);
  EXPECT_EQ(any_ret, zephyr::kRpmsgErrParam); // the peer is still unknown
}

TEST(ZephyrTx, ASenderWaitingForABufferGetsTheOneLinuxPostsNext) {
  RemoteRig rig;
  int ret = 0;
  hal::SimTime took = 0;
  LambdaApp app([&](hal::Hal& hal, zephyr::Rpmsg& rpmsg) {
    zephyr::Endpoint& ept = bound_endpoint(rpmsg);
    const hal::SimTime t0 = hal.now();
    ret = ept.send("late", 4);
    took = hal.now() - t0;
  });
  rig.boot_remote({&app});
  ScriptedMasterConfig cfg;
  cfg.rx_posted = 0;
  Messages got;
  rig.boot_master(
      [&](ScriptedMaster& m, hal::Hal& hal) {
        hal.sleep(3 * hal::kMs + 500 * hal::kUs);
        m.vring0().write_desc(0, {m.rx_buffer(0), 512, sw::shm::kVringDescFWrite, 0});
        m.vring0().set_avail_ring(0, 0);
        hal.barrier();
        m.vring0().set_avail_idx(1);
        m.wait_kick(10 * hal::kMs);
        got = m.receive(false);
      },
      cfg);
  rig.run_ms(20);
  EXPECT_EQ(ret, 4);
  EXPECT_GE(rig.status.tx_buffer_waits, 1u);
  EXPECT_GT(took, 1 * hal::kMs);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text(), "late");
}

/// A send that finds no TX buffer, with a notify_wait_cb installed, then a buffer and a kick.
struct NotifyWaitSend {
  explicit NotifyWaitSend(const char* release, std::map<std::string, bool> features = {}) {
    rig.options.release = release;
    rig.options.openamp_features = std::move(features);
    rig.options.notify_wait = true;
    rig.boot_remote({&app});
    ScriptedMasterConfig cfg;
    cfg.rx_posted = 0;
    rig.boot_master(
        [](ScriptedMaster& m, hal::Hal& hal) {
          hal.sleep(3 * hal::kMs);
          m.vring0().write_desc(0, {m.rx_buffer(0), 512, sw::shm::kVringDescFWrite, 0});
          m.vring0().set_avail_ring(0, 0);
          hal.barrier();
          m.vring0().set_avail_idx(1);
          m.kick(1); // any notification wakes notify_wait_cb
          m.wait_kick(10 * hal::kMs);
        },
        cfg);
    rig.run_ms(20);
  }
  RemoteRig rig;
  int ret = 0;
  LambdaApp app{
      [this](hal::Hal&, zephyr::Rpmsg& rpmsg) { ret = bound_endpoint(rpmsg).send("x", 1); }};
};

TEST(ZephyrTx, NotifyWaitWakesTheSenderOnTheNextNotificationInsteadOfPolling) {
  NotifyWaitSend run("v2024.10");
  EXPECT_EQ(run.ret, 1);
  EXPECT_EQ(run.rig.status.tx_buffer_waits, 0u);
}

TEST(ZephyrTx, WithoutTheNotifyWaitHookTheSenderPollsEveryMillisecond) {
  // notify_wait_cb (15b4a8b, v2024.05) switched off: the installed callback is never called.
  NotifyWaitSend run("v2024.10", {{"notify_wait_cb", false}});
  EXPECT_EQ(run.ret, 1);
  EXPECT_GE(run.rig.status.tx_buffer_waits, 2u);
}

TEST(ZephyrTx, InV2024_05ASuccessfulNotifyWaitFailsTheSend) {
  // rpmsg_virtio_get_tx_payload_buffer, v2024.05: `else if (status == RPMSG_SUCCESS) break;`
  // leaves the wait with no buffer: rpmsg_send returns RPMSG_ERR_NO_BUFF (fixed by bb4459f).
  NotifyWaitSend run("v2024.05");
  EXPECT_EQ(run.ret, zephyr::kRpmsgErrNoBuff);
  EXPECT_EQ(run.rig.status.tx_buffer_waits, 0u);
}

TEST(ZephyrTx, PayloadAboveTheBufferIsTruncatedSilently) {
  RemoteRig rig;
  int ret = 0;
  LambdaApp app([&](hal::Hal&, zephyr::Rpmsg& rpmsg) {
    const std::string big(600, 'z');
    ret = bound_endpoint(rpmsg).send(big.data(), big.size());
  });
  rig.boot_remote({&app});
  Messages got;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    m.wait_kick(20 * hal::kMs);
    got = m.receive();
  });
  rig.run_ms(20);
  EXPECT_EQ(ret, 496);
  EXPECT_EQ(rig.status.tx_truncated, 1u);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].hdr.len, 496u);
}

// One announcement and one echo, through a HAL that records every maintenance call.
void echo_once(RemoteRig& rig, sw::apps::ClientSampleResponder& app, Messages& echo) {
  rig.boot_remote({&app}, true);
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    m.wait_kick(20 * hal::kMs);
    m.receive();
    m.send(0x400, 0x400, "hello world!");
    m.wait_kick(20 * hal::kMs);
    echo = m.receive();
  });
  rig.run_ms(30);
}

TEST(ZephyrTx, EveryCacheOperationNamesAKnownSiteAndPartialLinesAreCleanedFirst) {
  RemoteRig rig;
  sw::apps::ClientSampleResponder app(quiet_client());
  Messages echo;
  echo_once(rig, app, echo);
  ASSERT_EQ(echo.size(), 1u);

  const std::set<std::string> known(zephyr::site::kAll.begin(), zephyr::site::kAll.end());
  std::set<std::string> used;
  for (const RecordingHal::CacheOp& op : rig.cache_ops()) {
    EXPECT_TRUE(known.count(op.site)) << op.site;
    used.insert(op.site);
    if (op.op == RecordingHal::Op::kCleanInvalidate) {
      // Only invalidation sites clean, and only single whole lines (the partial edges).
      EXPECT_NE(op.site.find("invalidate"), std::string::npos) << op.site;
      EXPECT_EQ(op.addr % 64, 0u);
      EXPECT_EQ(op.len, 64u);
    }
    if (op.site == "tx_buffer_flush") {
      EXPECT_EQ(op.op, RecordingHal::Op::kClean);
      EXPECT_EQ(op.len, 512u);
    }
    if (op.site == "rx_avail_idx_invalidate") { // 2 bytes inside a line: clean+invalidate
      EXPECT_EQ(op.op, RecordingHal::Op::kCleanInvalidate);
    }
  }
  for (const char* s :
       {"rsc_status_invalidate", "rsc_features_invalidate", "rx_avail_idx_invalidate",
        "rx_avail_ring_invalidate", "rx_desc_invalidate", "rx_buffer_invalidate",
        "rx_used_ring_flush", "rx_used_idx_flush", "rx_buffer_return_invalidate",
        "rx_avail_flags_invalidate", "tx_avail_idx_invalidate", "tx_avail_ring_invalidate",
        "tx_desc_invalidate", "tx_desc_len_invalidate", "tx_buffer_flush", "tx_used_ring_flush",
        "tx_used_idx_flush", "tx_avail_flags_invalidate", "tx_used_flags_flush"})
    EXPECT_TRUE(used.count(s)) << s;
  const auto& stats = rig.f.platform().dcache(Side::kRemote).stats();
  EXPECT_GT(stats.clean_invalidate_calls, 0u);
  EXPECT_GT(stats.clean_calls, 0u);
}

TEST(ZephyrTx, DcacheOffIssuesNoMaintenanceAtAll) {
  // The image mapped non-cacheable: without maintenance the table would never show DRIVER_OK.
  RemoteRig rig(kTableUncached);
  rig.options.dcache = false;
  sw::apps::ClientSampleResponder app(quiet_client());
  Messages echo;
  echo_once(rig, app, echo);
  EXPECT_TRUE(rig.status.rpmsg_ready);
  EXPECT_TRUE(rig.cache_ops().empty());
}

TEST(ZephyrTx, PreV2023_10ReleaseHasNoResourceTableMaintenance) {
  // The table stays coherent here only because nothing cached its line before Linux's writes:
  // eviction on every doorbell drops it.
  RemoteRig rig(RemoteRig::Sets{{"clusters.remote.dcache.eviction", "on_doorbell"}});
  rig.options.release = "v2023.04";
  sw::apps::ClientSampleResponder app(quiet_client());
  Messages echo;
  echo_once(rig, app, echo);
  ASSERT_EQ(echo.size(), 1u);
  for (const RecordingHal::CacheOp& op : rig.cache_ops())
    EXPECT_EQ(op.site.rfind("rsc_", 0), std::string::npos) << op.site;
}

} // namespace
} // namespace sim::test
