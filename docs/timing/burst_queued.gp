set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'
set output 'burst_queued.svg'
set title 'stream_queued: dropped against master.apps[0].stream.count'
set xlabel 'master.apps[0].stream.count'
set ylabel 'dropped'
set grid
set key below
set yrange [0:*]
plot for [i=0:1] 'burst_queued.dat' index i using 1:2 with linespoints pointsize 1.2 title columnheader(1)
