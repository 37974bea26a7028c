package cn.cvp.allocation.benchmark;

import java.util.Arrays;

/**
 * Dinic's maximum-flow algorithm (exact, integer capacities) on an adjacency-array graph. Small and
 * self-contained: the benchmark's upper bound on fillable card-hours.
 */
final class MaxFlow {

    private final int nodes;
    private int[] head;
    private int[] next;
    private int[] to;
    private long[] cap;
    private int edges;
    private int[] level;
    private int[] it;

    MaxFlow(int nodes, int expectedEdges) {
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
        int e = Math.max(16, 2 * expectedEdges);
        this.next = new int[e];
        this.to = new int[e];
        this.cap = new long[e];
    }

    void addEdge(int from, int toNode, long capacity) {
        if (edges + 2 > to.length) {
            int n = to.length * 2;
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
        }
        to[edges] = toNode;
        cap[edges] = capacity;
        next[edges] = head[from];
        head[from] = edges++;
        to[edges] = from;
        cap[edges] = 0;
        next[edges] = head[toNode];
        head[toNode] = edges++;
    }

    int edgeCount() {
        return edges / 2;
    }

    long maxFlow(int source, int sink) {
        long flow = 0;
        level = new int[nodes];
        it = new int[nodes];
        int[] queue = new int[nodes];
        while (bfs(source, sink, queue)) {
            System.arraycopy(head, 0, it, 0, nodes);
            long f;
            while ((f = dfs(source, sink, Long.MAX_VALUE)) > 0) {
                flow += f;
            }
        }
        return flow;
    }

    private boolean bfs(int source, int sink, int[] queue) {
        Arrays.fill(level, -1);
        int qh = 0;
        int qt = 0;
        queue[qt++] = source;
        level[source] = 0;
        while (qh < qt) {
            int v = queue[qh++];
            for (int e = head[v]; e >= 0; e = next[e]) {
                if (cap[e] > 0 && level[to[e]] < 0) {
                    level[to[e]] = level[v] + 1;
                    queue[qt++] = to[e];
                }
            }
        }
        return level[sink] >= 0;
    }

    private long dfs(int v, int sink, long pushed) {
        if (v == sink) {
            return pushed;
        }
        long total = 0;
        for (; it[v] >= 0; it[v] = next[it[v]]) {
            int e = it[v];
            int u = to[e];
            if (cap[e] > 0 && level[u] == level[v] + 1) {
                long d = dfs(u, sink, Math.min(pushed - total, cap[e]));
                if (d > 0) {
                    cap[e] -= d;
                    cap[e ^ 1] += d;
                    total += d;
                    if (total == pushed) {
                        return total;
                    }
                }
            }
        }
        level[v] = -1; // dead end for this phase
        return total;
    }
}
