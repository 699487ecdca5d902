// SPDX-License-Identifier: Apache-2.0
#pragma once
// virtio_rpmsg_bus of Linux 5.10 (rpmsg-protocol.md §3, §4, §9 B/C), the rpmsg virtio driver:
// - probe: vring0 is the RX queue ("input", rpmsg_recv_done), vring1 the TX queue ("output",
//   rpmsg_xmit_done); num_bufs = 2 * vring num (512 from 256 entries on), 512-byte buffers in one
//   dma_alloc_coherent from the vdev's pool, RX the first half, TX the second; every RX buffer
//   posted; TX-complete callbacks disabled; the name-service endpoint (53) when F_NS was
//   negotiated; kick_prepare(rvq), DRIVER_OK, then the notify if the remote wanted one.
// - TX (rpmsg_send_offchannel_raw): never-used TX buffers first, then recycling through
//   virtqueue_get_buf(svq); trysend gives -ENOMEM at once, send sleeps on sendq with TX-complete
//   callbacks enabled by the first sleeper, up to send_timeout, then "timeout waiting for a tx
//   buffer" and -ERESTARTSYS; header field by field (len, flags, src, dst, reserved), payload,
//   add_outbuf(16 + len) and a kick (only when vring1's used.flags allows it).
// - RX (rpmsg_recv_done): drains vring0's used ring; a buffer with a bad length is "inbound msg
//   too big" and is never re-posted (the RX buffer leaks); no endpoint is "msg received with no
//   recipient" (rate limited) and the buffer goes back; the endpoint callback runs before the
//   buffer is re-posted; one kick of vring0 afterwards (suppressed by OpenAMP's NO_NOTIFY).
// - name service: CREATE makes a channel and probes the driver of that name synchronously in
//   the RX work; DESTROY removes it. name[31] is forced to 0 in the shared buffer itself.
// Endpoint addresses come from an idr starting at RPMSG_RESERVED_ADDRESSES (1024).
// Not modelled: the rpmsg char/ctrl devices, announce_create (channels made by NS have src ANY,
// so Linux never announces them), dynamic debug hex dumps.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sw/linux/linux.h"
#include "sw/linux/printk.h"
#include "sw/linux/ratelimit.h"
#include "sw/linux/rpmsg_channel.h"

namespace sim::sw::lnx {

class RprocVdev;
class Virtqueue;

class VirtioRpmsgBus {
public:
  VirtioRpmsgBus(RprocVdev& vdev, const LinuxOptions& options, LinuxStatus& status,
                 const std::vector<RpmsgDriver*>& drivers);
  ~VirtioRpmsgBus();

  /// rpmsg_probe: 0 or a negative errno (the vdev then gets FAILED).
  int probe();

  /// rpmsg_send_offchannel_raw; `ch` is the device dev_err lines name.
  int send_offchannel_raw(RpmsgChannel& ch, std::uint32_t src, std::uint32_t dst, const void* data,
                          std::size_t len, bool wait);
  /// A send refused before it reached rpmsg_send_offchannel_raw (the channel lost its endpoint):
  /// reported to the ledger as a send that failed with `err`, which it returns.
  int refuse_send(std::uint32_t src, std::uint32_t dst, const void* data, std::size_t len, int err);

  hal::Hal& hal();
  Printk& printk();

private:
  // probe and TX (virtio_rpmsg_bus.cpp)
  hal::Addr get_a_tx_buf();
  void upref_sleepers();
  void downref_sleepers();
  void xmit_done();
  RpmsgEndpoint* create_ept(RpmsgChannel* rpdev, RpmsgEndpoint::Callback cb, std::uint32_t addr);
  void destroy_ept(RpmsgEndpoint* ept);
  void dev_printk(KernLevel level, const std::string& text);
  /// Reports the send on this thread failed with `err` (the ledger's reason) and returns it.
  int send_failed(int err);
  // RX and name service (virtio_rpmsg_rx.cpp)
  void recv_done();
  int recv_single(hal::Addr msg, std::uint32_t len);
  int ns_cb(hal::Addr payload, std::uint32_t len, std::uint32_t src);
  void create_channel(const std::string& name, std::uint32_t dst);
  void destroy_channel(const std::string& name, std::uint32_t dst);
  int dev_probe(RpmsgChannel& ch, RpmsgDriver& drv);

  RprocVdev& vdev_;
  hal::Hal& hal_;
  LinuxOptions options_;
  LinuxStatus& status_;
  std::vector<RpmsgDriver*> drivers_;
  Virtqueue* rvq_ = nullptr;
  Virtqueue* svq_ = nullptr;
  unsigned num_bufs_ = 0;
  std::uint32_t buf_size_ = 0;
  hal::Addr rbufs_ = 0;
  hal::Addr sbufs_ = 0;
  unsigned last_sbuf_ = 0;
  int sleepers_ = 0;
  hal::Semaphore* tx_lock_ = nullptr; ///< vrp->tx_lock (a mutex)
  hal::WaitQueue* sendq_ = nullptr;
  std::map<std::uint32_t, std::unique_ptr<RpmsgEndpoint>> endpoints_; ///< the endpoints idr
  RpmsgEndpoint* ns_ept_ = nullptr;
  std::vector<std::unique_ptr<RpmsgChannel>> channels_;
  /// Removed channels stay allocated: a driver may still hold its RpmsgDevice reference.
  std::vector<std::unique_ptr<RpmsgChannel>> removed_;
  RateLimit no_recipient_limit_{"rpmsg_recv_single"};
};

} // namespace sim::sw::lnx
