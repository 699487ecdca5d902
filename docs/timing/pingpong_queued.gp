set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'
set output 'pingpong_queued.svg'
set title 'pingpong_queued: delivered, in_flight against master.apps[0].rpmsg_client_sample.count'
set xlabel 'master.apps[0].rpmsg_client_sample.count'
set ylabel 'delivered, in_flight'
set grid
set key below
set yrange [0:*]
plot for [i=0:1] 'pingpong_queued.dat' index i using 1:2 with linespoints pointsize 1.2 title columnheader(1)
