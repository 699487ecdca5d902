// SPDX-License-Identifier: Apache-2.0
#pragma once
// Zephyr's samples/subsys/ipc/openamp_rsc_table as the remote image (rpmsg-protocol.md §7): the
// globals of main_remote.c and its bring-up. platform_init registers the IPM callback (which only
// gives the binary `data_sem`: extra interrupts collapse, the drain loses nothing) and enables the
// mailbox; rproc_virtio_create_vdev on the table's vdev; the busy-wait for DRIVER_OK; both vrings
// initialised from the table (identity-mapped device addresses); rpmsg_init_vdev; then
// rpmsg_mng_task (K_PRIO_COOP(8)) takes `data_sem` and calls rproc_virtio_notified(VRING1_ID)
// forever, and the applications' threads start. Outbound notifications are
// ipm_send(ipm, 0, vring notify id, NULL, 0) with the return value ignored, as the sample does.
//
// The current sample runs platform_init and the vdev creation inside rpmsg_mng_task rather than
// main; the observable order (init, then the drain loop and the clients) is the same.

#include <memory>
#include <optional>
#include <vector>

#include "sw/zephyr/ipm_tcc.h"
#include "sw/zephyr/log_subsystem.h"
#include "sw/zephyr/metal_cache.h"
#include "sw/zephyr/openamp_release.h"
#include "sw/zephyr/remoteproc_virtio.h"
#include "sw/zephyr/rpmsg_virtio_device.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::zephyr {

class RscTableSample : public std::enable_shared_from_this<RscTableSample> {
public:
  RscTableSample(hal::Hal& hal, const PlatformInfo& info, const ZephyrOptions& options,
                 OpenampRelease release, ZephyrStatus& status);

  /// Runs the bring-up on the calling thread and starts rpmsg_mng_task and the applications.
  /// `owner` (this image) passes to the OS's interrupt handler at platform_init.
  void run(std::shared_ptr<RscTableSample> owner, const std::vector<ZephyrApp*>& apps);

private:
  /// LOG_INF/LOG_ERR/LOG_DBG of main_remote.c (printk before Zephyr 3.7).
  void log(logging::Level level, const char* func, std::string text, unsigned arguments = 0);
  void mailbox_notify(std::uint32_t id);
  void rpmsg_mng_task();

  hal::Hal& hal_;
  PlatformInfo info_;
  ZephyrOptions options_;
  const OpenampRelease release_; ///< the preset with the scenario's feature switches
  ZephyrStatus& status_;
  LogSubsystem log_;
  MetalCache cache_;
  IpmTcc ipm_;
  hal::Semaphore& data_sem_;
  RemoteprocVirtio rproc_;
  RpmsgVirtioDevice rpmsg_;
};

} // namespace sim::sw::zephyr
