/**
 * `DeletionPolicy: Snapshot` and `UpdateReplacePolicy: Snapshot` exist only for resource types that
 * can take a snapshot before deletion. The DeletionPolicy attribute page of the CloudFormation
 * Template Reference lists them (EBS volumes, ElastiCache clusters and replication groups, RDS,
 * Neptune and DocumentDB clusters, RDS instances, Redshift clusters); CloudFormation rejects the
 * policy on any other type. Types we do not know (custom, registry, modules, SAM) are left alone.
 */
import { getProperty, stringValue } from '../../ast';
import type { Rule } from '../validationContext';
import { isCustomResourceType } from './resourceProperties';
import { getTemplate } from './template';

export const SNAPSHOT_TYPES = new Set([
  'AWS::DocDB::DBCluster',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::Neptune::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
]);

export const checkSnapshotPolicy: Rule = ({ root, collector, schemas }) => {
  const template = getTemplate(root);
  if (!template) return;
  for (const resource of template.resources.values()) {
    const type = resource.type;
    if (!type || SNAPSHOT_TYPES.has(type) || !type.startsWith('AWS::')) continue;
    if (type.startsWith('AWS::Serverless::') || isCustomResourceType(type)) continue;
    if (!schemas.hasResourceType(type)) continue;
    for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const node = getProperty(resource.node, attribute);
      if (stringValue(node) !== 'Snapshot' || !node) continue;
      collector.report(
        node,
        `${type} does not support ${attribute} 'Snapshot': only types that can take a snapshot before deletion (such as AWS::RDS::DBInstance or AWS::EC2::Volume) do. Use 'Retain' to keep the resource, or 'Delete'.`,
        'cfn-snapshot-unsupported',
        { data: { alternatives: ['Retain', 'Delete'] } },
      );
    }
  }
};
