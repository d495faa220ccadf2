/** The tree's elements: plain ids, interned so VS Code sees the same object for the same row. */
export type Node =
  | { kind: 'server'; id: string; serverId: string }
  /** A task grouping a gateway's sessions (Project.group). */
  | { kind: 'group'; id: string; serverId: string; group: string }
  | { kind: 'project'; id: string; serverId: string; projectId: string }
  | { kind: 'session'; id: string; serverId: string; projectId: string; sessionId: string }
  | { kind: 'workflow'; id: string; serverId: string; projectId: string; sessionId: string; workflowId: string }
  | { kind: 'info'; id: string; serverId: string; text: string; error: boolean };

type NodeInput = Node extends infer N ? (N extends Node ? Omit<N, 'id'> : never) : never;

export class NodeCache {
  private readonly nodes = new Map<string, Node>();

  get<T extends NodeInput>(n: T): Extract<Node, { kind: T['kind'] }> {
    const id = idOf(n);
    let node = this.nodes.get(id);
    if (!node) {
      this.nodes.set(id, (node = { ...n, id } as Node));
    } else if (node.kind === 'info' && n.kind === 'info') {
      Object.assign(node, n);
    }
    return node as Extract<Node, { kind: T['kind'] }>;
  }

  clear(): void {
    this.nodes.clear();
  }
}

function idOf(n: NodeInput): string {
  switch (n.kind) {
    case 'server':
      return `server:${n.serverId}`;
    case 'group':
      return `group:${n.serverId}:${n.group}`;
    case 'project':
      return `project:${n.serverId}:${n.projectId}`;
    case 'session':
      return `session:${n.serverId}:${n.sessionId}`;
    case 'workflow':
      return `workflow:${n.serverId}:${n.workflowId}`;
    case 'info':
      return `info:${n.serverId}:${n.text}`;
  }
}

/** What commands receive from the tree (or build from quick picks): the ids they act on. */
export interface NodeIds {
  serverId: string;
  projectId?: string;
  sessionId?: string;
  workflowId?: string;
}

export const idsOfNode = (n: Node | undefined): NodeIds | undefined =>
  n && n.kind !== 'info'
    ? {
        serverId: n.serverId,
        ...('projectId' in n ? { projectId: n.projectId } : {}),
        ...('sessionId' in n ? { sessionId: n.sessionId } : {}),
        ...('workflowId' in n ? { workflowId: n.workflowId } : {}),
      }
    : undefined;
