/**
 * The one graph module: algorithms over nodes numbered 0…n-1 (the plan's steps, the desired
 * objects, a flow's blocks), iterative so that long chains cannot overflow the stack.
 */

/** Strongly connected components (Tarjan), each listed in discovery order. */
export function findStronglyConnected(count: number, successors: readonly (readonly number[])[]): number[][] {
  const index = new Array<number>(count).fill(-1);
  const lowLink = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root += 1) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = lowLink[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = successors[frame.node] ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (index[target] === -1) {
          index[target] = lowLink[target] = counter++;
          stack.push(target);
          onStack[target] = true;
          work.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          lowLink[frame.node] = Math.min(lowLink[frame.node]!, index[target]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink[parent.node] = Math.min(lowLink[parent.node]!, lowLink[frame.node]!);
      if (lowLink[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== frame.node);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** The components that form a cycle: more than one node, or one node with an edge to itself. */
export function findCycles(count: number, successors: readonly (readonly number[])[]): number[][] {
  return findStronglyConnected(count, successors).filter((component) => component.length > 1 || (successors[component[0]!] ?? []).includes(component[0]!));
}

/** The nodes reachable from `start` (itself included), breadth-first. */
export function findReachable(start: number, successors: readonly (readonly number[])[]): Set<number> {
  const reachable = new Set([start]);
  const queue = [start];
  for (let position = 0; position < queue.length; position += 1) {
    for (const next of successors[queue[position]!] ?? []) {
      if (reachable.has(next)) continue;
      reachable.add(next);
      queue.push(next);
    }
  }
  return reachable;
}
