// SPDX-License-Identifier: Apache-2.0
#pragma once
// The TCC807x remoteproc platform driver in attach (self-boot) mode and the remoteproc core paths
// it drives (rpmsg-protocol.md §1.4, §5; tcc807x-port.md "Linux attach flow"), as in v5.10:
// - probe: the four memory-regions (rsc_table, vdev0vring0, vdev0vring1, vdev0buffer; the
//   three vdev ones become registered carve-outs, vdev0buffer the vdev's DMA pool), table_ptr =
//   rsc_table.base + tcc,rsc-offset (tcc,rsc-size bytes), the mailbox channel, then rproc_add:
//   "<name> is available", and auto-boot of a DETACHED processor: rproc_boot -> rproc_actuate.
// - rproc_handle_resources on the live table in shared memory (no cached copy in attach mode),
//   with only the checks v5.10 makes there: the table not truncated, per vdev truncation,
//   reserved bytes, the number of vrings and non-zero num/align; per trace entry truncation,
//   reserved and da. The header's version and reserved words are not looked at (§6.7): a table
//   read at a wrong offset may attach with no vdev at all. `ipcsim validate` keeps the strict
//   checks. A failure is "Failed to process resources" and the attach stops there.
// - RSC_VDEV: vrings parsed and allocated from the registered carve-outs (da checked, notify ids
//   from an idr starting at 0 written into the table), then the vdev subdevice starts:
//   register_virtio_device and, for VIRTIO_ID_RPMSG, virtio_rpmsg_bus's probe.
// - ops->kick: one mailbox command word = the notify id [INF, tcc807x-mailbox.md §2.6].
// - inbound: the mailbox rx_callback records the notify id(s) and queues one work item; the work
//   calls rproc_vq_interrupt once for each distinct id received since it last ran, in ascending
//   order. queue_work on a pending item is a no-op, so interrupts coalesce (§3.4), and nothing is
//   lost because vring_interrupt drains the whole used ring.
// Not modelled: firmware loading, stop/detach, crash recovery, IOMMU, carve-outs allocated at
// attach time (a missing memory-region fails the probe instead), trace buffers outside the
// carve-outs (no da_to_va: "erroneous trace resource entry").

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sw/linux/linux.h"
#include "sw/linux/mbox_chan.h"
#include "sw/linux/printk.h"

namespace sim::sw::lnx {

class RprocVdev;
class TccMboxController;
class Virtqueue;

/// struct rproc_mem_entry of a registered carve-out (identity mapped: va = pa = dma = da).
struct RprocCarveout {
  std::string name;
  hal::Addr base = 0;
  std::uint64_t len = 0;
  std::uint32_t da = 0;
};

/// struct rproc_vring.
struct RprocVring {
  std::uint32_t num = 0; ///< rvring->len
  std::uint32_t align = 0;
  int notifyid = -1;
  const RprocCarveout* mem = nullptr;
  Virtqueue* vq = nullptr;
};

class TccRproc {
public:
  TccRproc(hal::Hal& hal, const PlatformInfo& info, const LinuxOptions& options, Printk& printk,
           LinuxStatus& status, const std::vector<RpmsgDriver*>& drivers, TccMboxController& mbox);
  ~TccRproc();

  /// Platform probe through the end of attach. False (with LinuxStatus::attach_error) on failure.
  bool probe();

  /// rproc->ops->kick.
  void kick(int notifyid);
  /// rproc_vq_interrupt: false is IRQ_NONE.
  bool vq_interrupt(std::uint32_t notifyid);

  const RprocCarveout* find_carveout(const std::string& name) const;
  hal::Addr table_ptr() const { return table_ptr_; }
  /// dev_printk on the rproc device ("remoteproc remoteproc0: ...").
  void dev_printk(KernLevel level, const std::string& text);

private:
  bool fail_probe(const std::string& error, hal::Addr address);
  void set_error(const std::string& error, hal::Addr address);
  bool map_memory_regions();
  bool attach();
  // rproc_resources.cpp
  int handle_resources();
  int handle_vdev(std::int64_t offset, std::int32_t avail);
  int handle_trace(std::int64_t offset, std::int32_t avail);
  /// dev_err `message`, recorded as the attach error at `address`: -EINVAL.
  int resource_error(const std::string& message, const std::string& detail, hal::Addr address);
  int alloc_vring(RprocVdev& rvdev, unsigned i);
  void mbox_rx(const std::uint32_t* words, std::size_t n);
  void vq_work();

  hal::Hal& hal_;
  PlatformInfo info_;
  LinuxOptions options_;
  Printk& printk_;
  LinuxStatus& status_;
  std::vector<RpmsgDriver*> drivers_;
  TccMboxController& mbox_;
  MboxChan* chan_ = nullptr;
  std::string name_ = "tcc-rproc";
  std::vector<RprocCarveout> carveouts_;
  hal::Addr table_ptr_ = 0;
  std::uint64_t table_sz_ = 0;
  std::vector<std::unique_ptr<RprocVdev>> rvdevs_;
  std::map<int, RprocVring*> notifyids_; ///< the rproc->notifyids idr
  std::set<std::uint32_t> pending_ids_;  ///< received since the work last ran
  hal::Work* vq_work_ = nullptr;
};

} // namespace sim::sw::lnx
